using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class SqsTaskBatchHandlerTests : IAsyncDisposable
{
    private readonly WebApplication _app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: "http://127.0.0.1:1/000000000000/tasks"));
    private readonly List<DnaJob> _ran = [];

    public SqsTaskBatchHandlerTests()
    {
        _app.MapTask<DnaJob>("compute-dna", (job, context, ct) =>
        {
            lock (_ran) _ran.Add(job);
            return Task.CompletedTask;
        });
        _app.MapTask<DnaJob>("explode", (_, _, _) => throw new InvalidOperationException("boom"));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private SqsTaskBatchHandler Worker => _app.Handler<SqsTaskBatchHandler>();

    [Fact]
    public async Task RecordedSqsEventWhoseBodyIsNotATaskIsReportedAsABatchItemFailure()
    {
        // GIVEN the SQS event Lambda recorded, whose body is plain text
        var recorded = await File.ReadAllTextAsync(RepositoryPaths.LambdaEvent("sqs-event.json"));

        // WHEN the worker handles it
        var response = await Worker.InvokeAsync(recorded);

        // THEN the message is failed (to be retried, then dead-lettered), not dropped
        Assert.Equal(["MessageID_1"], TaskTestApp.BatchItemFailures(response));
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task OnlyTheFailedMessagesOfABatchAreReported()
    {
        // GIVEN a batch with a good task, a throwing task, an unknown task and an undeserialisable payload
        var batch = TaskTestApp.SqsEvent(
            ("m-ok", TaskTestApp.TaskBody("t1", "compute-dna", """{"sequence":"ACGT","repeat":2}"""), 1),
            ("m-throws", TaskTestApp.TaskBody("t2", "explode", """{"sequence":"A","repeat":1}"""), 1),
            ("m-unknown", TaskTestApp.TaskBody("t3", "no-such-task", "{}"), 1),
            ("m-bad-payload", TaskTestApp.TaskBody("t4", "compute-dna", """{"sequence":42}"""), 1));

        // WHEN the worker handles it
        var response = await Worker.InvokeAsync(batch);

        // THEN only the three bad messages are reported, and the good task ran with its payload
        Assert.Equal(["m-throws", "m-unknown", "m-bad-payload"], TaskTestApp.BatchItemFailures(response));
        Assert.Equal([new DnaJob("ACGT", 2)], _ran);
    }

    [Fact]
    public async Task EmptyFailureListWhenEveryTaskSucceeds()
    {
        var batch = TaskTestApp.SqsEvent(
            ("m1", TaskTestApp.TaskBody("t1", "compute-dna", """{"sequence":"A","repeat":1}"""), 1),
            ("m2", TaskTestApp.TaskBody("t2", "compute-dna", """{"sequence":"C","repeat":1}"""), 3));

        var response = await Worker.InvokeAsync(batch);

        Assert.Empty(TaskTestApp.BatchItemFailures(response));
        Assert.Equal(2, _ran.Count);
    }

    [Fact]
    public async Task RunningTaskIsCancelledBeforeTheInvocationDeadline()
    {
        // GIVEN a worker on a clock the test moves, a task that waits until cancelled, and 2.5 s left (the margin is 2 s)
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: "http://127.0.0.1:1/000000000000/tasks"),
            services => services.AddSingleton<TimeProvider>(clock));
        app.MapTask<DnaJob>("wait-forever", async (_, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        var batch = TaskTestApp.SqsEvent(("m-slow", TaskTestApp.TaskBody("t1", "wait-forever", """{"sequence":"A","repeat":1}"""), 1));
        var handling = app.Handler<SqsTaskBatchHandler>().InvokeAsync(batch, deadline: clock.GetUtcNow().AddMilliseconds(2500));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // WHEN the clock reaches a moment before the margin, the task still runs
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(handling.IsCompleted, "the task was cut off before deadline minus margin");

        // ... and when it reaches deadline minus margin, the task is cut off and its message reported as failed
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await handling.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["m-slow"], TaskTestApp.BatchItemFailures(response));
    }

    [Theory]
    [InlineData("apigw-request.json")]
    [InlineData("apigw-v2-request-no-authorizer.json")]
    [InlineData("alb-lambda-target-request-headers-only.json")]
    public async Task HttpEventsAreNotClaimedByTheWorker(string fixture)
    {
        var json = await File.ReadAllTextAsync(RepositoryPaths.LambdaEvent(fixture));
        using var document = JsonDocument.Parse(json);

        Assert.False(Worker.CanHandle(document.RootElement));
    }

    [Fact]
    public void WorkerRunsAfterKeepWarmAndCommandsButBeforeHttpSources()
    {
        Assert.Equal(20, Worker.Order);
    }
}
