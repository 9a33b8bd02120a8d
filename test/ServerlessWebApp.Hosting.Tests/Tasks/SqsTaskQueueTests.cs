using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class SqsTaskQueueTests : IClassFixture<FakeSqsFixture>, IAsyncDisposable
{
    private readonly FakeSqsFixture _sqs;
    private readonly string _queueUrl;
    private readonly IAmazonSQS _client;
    private readonly WebApplication _app;
    private readonly List<(DnaJob Job, TaskContext Context)> _ran = [];

    public SqsTaskQueueTests(FakeSqsFixture sqs)
    {
        _sqs = sqs;
        (_queueUrl, _) = sqs.CreateQueues();
        _client = sqs.CreateClient();
        _app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: _queueUrl), services => services.AddSingleton(_client));
        _app.MapTask<DnaJob>("compute-dna", (job, context, _) =>
        {
            _ran.Add((job, context));
            context.SetResult(new DnaResult(job.Sequence.Length * job.Repeat), TaskTestJsonContext.Default.DnaResult);
            return Task.CompletedTask;
        });
        _app.MapTask<string>("echo", (_, _, _) => Task.CompletedTask, TaskTestJsonContext.Default.String);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private ITaskQueue Queue => _app.Services.GetRequiredService<ITaskQueue>();

    [Fact]
    public async Task EnqueuedTaskTravelsThroughSqsAndTheWorkerRunsIt()
    {
        // GIVEN a task enqueued on Lambda
        var taskId = await Queue.EnqueueAsync("compute-dna", new DnaJob("ACGT", 3));

        // WHEN the message is received from SQS and delivered to the worker as Lambda's event source mapping does
        var received = await _client.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = _queueUrl, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["All"],
        });
        var message = Assert.Single(received.Messages);
        var response = await _app.Handler<SqsTaskBatchHandler>().InvokeAsync(
            TaskTestApp.SqsEvent((message.MessageId, message.Body, int.Parse(message.Attributes["ApproximateReceiveCount"]))));

        // THEN the handler ran once with the payload and the task id the queue returned
        Assert.Empty(TaskTestApp.BatchItemFailures(response));
        var (job, context) = Assert.Single(_ran);
        Assert.Equal(new DnaJob("ACGT", 3), job);
        Assert.Equal(taskId, context.TaskId);
        Assert.Equal(1, context.Attempt);
        Assert.Contains("SendMessage", _sqs.Server.Actions);
    }

    [Fact]
    public async Task DelayedTaskIsNotVisibleBeforeItsDelay()
    {
        await Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), new TaskEnqueueOptions { Delay = TimeSpan.FromMinutes(5) });

        var received = await _client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 10 });

        Assert.Empty(received.Messages ?? []);
        Assert.Single(_sqs.Server.Messages(_queueUrl));
    }

    [Fact]
    public async Task OversizedPayloadWithoutABucketIsRefusedNamingTheLimit()
    {
        // GIVEN a payload larger than SQS's 256 KiB message limit and no payload bucket
        var large = new DnaJob(new string('A', 300 * 1024), 1);

        // WHEN it is enqueued
        var error = await Assert.ThrowsAsync<TaskEnqueueException>(() => Queue.EnqueueAsync("compute-dna", large));

        // THEN it is refused with the limit and the setting that lifts it, and nothing is sent
        Assert.Contains("262144 bytes (256 KiB)", error.Message);
        Assert.Contains("SWA_TASK_PAYLOAD_BUCKET", error.Message);
        Assert.Empty(_sqs.Server.Messages(_queueUrl));
    }

    [Fact]
    public async Task UnmappedTaskIsRefusedListingTheKnownTasks()
    {
        var error = await Assert.ThrowsAsync<TaskEnqueueException>(() => Queue.EnqueueAsync("compute-rna", new DnaJob("A", 1)));

        Assert.Contains("'compute-rna'", error.Message);
        Assert.Contains("compute-dna, echo", error.Message);
        Assert.Empty(_sqs.Server.Messages(_queueUrl));
    }

    [Fact]
    public async Task PayloadOfTheWrongTypeIsRefused()
    {
        var error = await Assert.ThrowsAsync<TaskEnqueueException>(() => Queue.EnqueueAsync("compute-dna", "ACGT"));

        Assert.Contains(typeof(DnaJob).FullName!, error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16 * 60)]
    public async Task DelayOutsideSqsLimitsIsRefusedNamingTheOption(int seconds)
    {
        var options = new TaskEnqueueOptions { Delay = TimeSpan.FromSeconds(seconds) };

        var error = await Assert.ThrowsAsync<TaskEnqueueException>(() => Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), options));

        Assert.Contains("TaskEnqueueOptions.Delay", error.Message);
        Assert.Contains("0 to 15 minutes", error.Message);
    }

    [Fact]
    public async Task DeduplicationWithoutAStatusTableIsRefusedRatherThanIgnored()
    {
        var options = new TaskEnqueueOptions { DeduplicationKey = "order-42" };

        var error = await Assert.ThrowsAsync<TaskEnqueueException>(() => Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), options));

        Assert.Contains("SWA_TASK_STATUS_TABLE", error.Message);
        Assert.Empty(_sqs.Server.Messages(_queueUrl));
    }

    [Fact]
    public async Task MissingQueueUrlIsRefusedNamingTheEnvironmentVariable()
    {
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: null), services => services.AddSingleton(_client));
        app.MapTask<DnaJob>("compute-dna", (_, _, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<TaskEnqueueException>(
            () => app.Services.GetRequiredService<ITaskQueue>().EnqueueAsync("compute-dna", new DnaJob("A", 1)));

        Assert.Contains("SWA_TASK_QUEUE_URL", error.Message);
    }

    [Fact]
    public async Task TaskWithoutJsonMetadataCannotBeMapped()
    {
        // GIVEN an app whose JSON options know only its source-generated context, as under Native AOT
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: _queueUrl),
            services => services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver = TaskTestJsonContext.Default));

        // WHEN a task is mapped for a payload type the context does not cover
        var error = Assert.Throws<InvalidOperationException>(
            () => app.MapTask<SqsTaskQueueTests>("no-metadata", (_, _, _) => Task.CompletedTask));

        // THEN mapping fails, saying how to provide the metadata

        Assert.Contains("JsonTypeInfo", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("compute/dna")]
    public void InvalidTaskNamesAreRejected(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => _app.MapTask<DnaJob>(name, (_, _, _) => Task.CompletedTask));

        Assert.Contains("letters, digits", error.Message);
    }
}
