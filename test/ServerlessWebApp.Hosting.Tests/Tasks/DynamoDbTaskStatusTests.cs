using Amazon.DynamoDBv2;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class DynamoDbTaskStatusTests : IClassFixture<DynaliteFixture>, IClassFixture<FakeSqsFixture>, IAsyncLifetime
{
    private readonly DynaliteFixture _dynamo;
    private readonly FakeSqsFixture _sqs;
    private readonly IAmazonSQS _sqsClient;
    private readonly ManualClock _clock = new();
    private string _queueUrl = null!;
    private WebApplication _app = null!;
    private int _runs;
    private int _failuresLeft;

    public DynamoDbTaskStatusTests(DynaliteFixture dynamo, FakeSqsFixture sqs)
    {
        _dynamo = dynamo;
        _sqs = sqs;
        _sqsClient = sqs.CreateClient();
    }

    public async Task InitializeAsync()
    {
        var table = await _dynamo.CreateStatusTableAsync();
        (_queueUrl, _) = _sqs.CreateQueues();
        _app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: _queueUrl, statusTable: table), services =>
        {
            services.AddSingleton(_sqsClient);
            services.AddSingleton(_dynamo.Client);
            services.AddSingleton<TimeProvider>(_clock);
        });
        _app.MapTask<DnaJob>("compute-dna", (job, context, _) =>
        {
            Interlocked.Increment(ref _runs);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) throw new InvalidOperationException("sequencer jammed");
            context.SetResult(new DnaResult(job.Sequence.Length * job.Repeat), TaskTestJsonContext.Default.DnaResult);
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _sqsClient.Dispose();
    }

    private ITaskQueue Queue => _app.Services.GetRequiredService<ITaskQueue>();

    private ITaskStatusStore Status => _app.Services.GetRequiredService<ITaskStatusStore>();

    [Fact]
    public async Task StatusMovesFromReceivedToDoneWithResultAttemptsAndTimeToLive()
    {
        // GIVEN an enqueued task
        var taskId = await Queue.EnqueueAsync("compute-dna", new DnaJob("ACGT", 2));
        var received = await Status.GetAsync(taskId);
        Assert.Equal(TaskState.Received, received!.State);
        Assert.Equal(0, received.Attempts);

        // WHEN the worker runs it
        _clock.Advance(TimeSpan.FromSeconds(5));
        await DeliverAllAsync();

        // THEN it is DONE with its result, one attempt, its timestamps and an expiry 14 days after the last change
        var done = await Status.GetAsync(taskId);
        Assert.Equal(TaskState.Done, done!.State);
        Assert.Equal(1, done.Attempts);
        Assert.Equal("""{"length":8}""", done.ResultJson);
        Assert.Null(done.Error);
        Assert.Equal("compute-dna", done.TaskName);
        Assert.True(done.CompletedAt > done.CreatedAt);
        Assert.Equal((_clock.GetUtcNow() + TimeSpan.FromDays(14)).ToUnixTimeSeconds(), done.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task FailedAttemptIsRecordedAndTheRetryReachesDone()
    {
        // GIVEN a task whose first attempt throws
        _failuresLeft = 1;
        var taskId = await Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1));

        // WHEN it is delivered once
        var failures = await DeliverAllAsync();

        // THEN it is FAILED with the error, and its message is reported for retry
        Assert.Single(failures);
        var failed = await Status.GetAsync(taskId);
        Assert.Equal(TaskState.Failed, failed!.State);
        Assert.Equal("InvalidOperationException: sequencer jammed", failed.Error);

        // WHEN it is redelivered
        await DeliverAllAsync();

        // THEN it is DONE on the second attempt
        var done = await Status.GetAsync(taskId);
        Assert.Equal(TaskState.Done, done!.State);
        Assert.Equal(2, done.Attempts);
        Assert.Null(done.Error);
    }

    [Fact]
    public async Task RedeliveredMessageOfADoneTaskIsNotRunAgain()
    {
        // GIVEN a task that ran to DONE but whose message SQS delivers again (at-least-once delivery)
        await Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1));
        var message = Assert.Single((await _sqsClient.ReceiveMessageAsync(_queueUrl)).Messages);
        var worker = _app.Handler<SqsTaskBatchHandler>();
        await worker.InvokeAsync(TaskTestApp.SqsEvent((message.MessageId, message.Body, 1)));

        // WHEN the same message is delivered again
        var response = await worker.InvokeAsync(TaskTestApp.SqsEvent((message.MessageId, message.Body, 2)));

        // THEN it succeeds without running the handler a second time
        Assert.Empty(TaskTestApp.BatchItemFailures(response));
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task DuplicateDeliveryWhileTheTaskRunsIsRetriedInsteadOfRunningAlongside()
    {
        // GIVEN a task whose first delivery is still running
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        _app.MapTask<DnaJob>("slow", async (_, _, _) =>
        {
            Interlocked.Increment(ref _runs);
            started.TrySetResult();
            await release.Task;
        });
        await Queue.EnqueueAsync("slow", new DnaJob("A", 1));
        var message = Assert.Single((await _sqsClient.ReceiveMessageAsync(_queueUrl)).Messages);
        var worker = _app.Handler<SqsTaskBatchHandler>();
        var first = worker.InvokeAsync(TaskTestApp.SqsEvent((message.MessageId, message.Body, 1)));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // WHEN SQS delivers the same message again to another worker
        var duplicate = await worker.InvokeAsync(TaskTestApp.SqsEvent((message.MessageId, message.Body, 2)));

        // THEN the duplicate is reported for retry without running, and the first delivery completes the task
        Assert.Equal([message.MessageId], TaskTestApp.BatchItemFailures(duplicate));
        release.SetResult();
        Assert.Empty(TaskTestApp.BatchItemFailures(await first));
        Assert.Equal(1, _runs);
        var taskId = System.Text.Json.JsonDocument.Parse(message.Body).RootElement.GetProperty("id").GetString()!;
        var done = await Status.GetAsync(taskId);
        Assert.Equal(TaskState.Done, done!.State);
        Assert.Equal(1, done.Attempts);
    }

    [Fact]
    public async Task SameDeduplicationKeyEnqueuesOneTask()
    {
        var options = new TaskEnqueueOptions { DeduplicationKey = "order-42" };

        var first = await Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), options);
        var second = await Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1), options);

        Assert.Equal(first, second);
        Assert.Single(_sqs.Server.Messages(_queueUrl));
    }

    [Fact]
    public async Task ExpiredStatusRecordIsNotReturned()
    {
        var taskId = await Queue.EnqueueAsync("compute-dna", new DnaJob("A", 1));

        _clock.Advance(TimeSpan.FromDays(15));

        Assert.Null(await Status.GetAsync(taskId));
    }

    [Fact]
    public async Task UnknownTaskIsNotRecordedAsAnything()
    {
        Assert.True(Status.IsTracking);
        Assert.Null(await Status.GetAsync("0123456789abcdef0123456789abcdef"));
    }

    /// <summary>Receives what is visible and hands it to the worker; failed messages become visible again at once.</summary>
    private async Task<string[]> DeliverAllAsync()
    {
        var received = await _sqsClient.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = _queueUrl, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["All"],
        });
        var messages = received.Messages ?? [];
        var response = await _app.Handler<SqsTaskBatchHandler>().InvokeAsync(TaskTestApp.SqsEvent(
            messages.Select(m => (m.MessageId, m.Body, int.Parse(m.Attributes["ApproximateReceiveCount"]))).ToArray()));
        var failures = TaskTestApp.BatchItemFailures(response);
        foreach (var message in messages)
        {
            if (failures.Contains(message.MessageId))
            {
                await _sqsClient.ChangeMessageVisibilityAsync(_queueUrl, message.ReceiptHandle, 0);
            }
            else
            {
                await _sqsClient.DeleteMessageAsync(_queueUrl, message.ReceiptHandle);
            }
        }
        return failures;
    }
}
