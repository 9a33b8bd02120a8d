using System.Text.Json;
using Amazon.SQS;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class ScheduledTaskOnWebFunctionTests : IClassFixture<FakeSqsFixture>, IAsyncDisposable
{
    private readonly FakeSqsFixture _sqs;
    private readonly IAmazonSQS _client;
    private readonly string _queueUrl;
    private readonly WebApplication _web;
    private int _runs;

    public ScheduledTaskOnWebFunctionTests(FakeSqsFixture sqs)
    {
        _sqs = sqs;
        _client = sqs.CreateClient();
        (_queueUrl, _) = sqs.CreateQueues();
        _web = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: _queueUrl, role: "web"), services => services.AddSingleton(_client));
        _web.MapTask<DnaJob>("compute-dna", (_, _, _) => { Interlocked.Increment(ref _runs); return Task.CompletedTask; });
    }

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task ScheduleOnTheWebFunctionIsHandedToTheWorkerThroughTheQueue()
    {
        // WHEN a schedule targets the web function (short timeout)
        var response = await _web.Handler<ScheduledTaskHandler>().InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","task":"compute-dna","payload":{"sequence":"AC","repeat":1},"schedule":"nightly"}}""");

        // THEN the task is not run there but enqueued, carrying the schedule's payload under the answered task id
        Assert.Equal(0, _runs);
        Assert.Equal("RECEIVED", response.GetProperty("state").GetString());
        var message = Assert.Single(_sqs.Server.Messages(_queueUrl));
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(response.GetProperty("taskId").GetString(), body.RootElement.GetProperty("id").GetString());
        Assert.Equal("compute-dna", body.RootElement.GetProperty("task").GetString());
        Assert.Equal("AC", body.RootElement.GetProperty("payload").GetProperty("sequence").GetString());

        // AND the worker runs it from the queue
        var batch = _sqs.Server.ReceiveLambdaBatch(_queueUrl)!;
        var workerResponse = await _web.Handler<SqsTaskBatchHandler>().InvokeAsync(batch.EventJson);
        Assert.Empty(TaskTestApp.BatchItemFailures(workerResponse));
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task UnmappedScheduledTaskIsRefusedBeforeAnythingIsEnqueued()
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => _web.Handler<ScheduledTaskHandler>().InvokeAsync(
            """{"serverlessWebApp":{"kind":"task","task":"compute-rna"}}"""));

        Assert.Equal("TaskFailed", error.ErrorType);
        Assert.Contains("Known tasks: compute-dna", error.Message);
        Assert.Empty(_sqs.Server.Messages(_queueUrl));
    }
}
