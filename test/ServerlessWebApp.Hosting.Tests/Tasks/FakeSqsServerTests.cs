using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tasks;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>The fake SQS endpoint behaves as SQS where the task tests rely on it.</summary>
public sealed class FakeSqsServerTests : IClassFixture<FakeSqsFixture>, IDisposable
{
    private readonly FakeSqsFixture _sqs;
    private readonly IAmazonSQS _client;

    public FakeSqsServerTests(FakeSqsFixture sqs)
    {
        _sqs = sqs;
        _client = sqs.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task MessageMovesToTheDeadLetterQueueOnTheReceiveAfterMaxReceiveCount()
    {
        // GIVEN a queue that dead-letters after 2 receives, holding one message
        var (queueUrl, deadLetterUrl) = _sqs.CreateQueues(maxReceiveCount: 2);
        await _client.SendMessageAsync(queueUrl, "poison");

        // WHEN it is received twice without being deleted, then a third receive is made
        for (var i = 1; i <= 2; i++)
        {
            var message = Assert.Single((await _client.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl, VisibilityTimeout = 0, MessageSystemAttributeNames = ["All"],
            })).Messages);
            Assert.Equal(i.ToString(), message.Attributes["ApproximateReceiveCount"]);
        }
        var third = await _client.ReceiveMessageAsync(queueUrl);

        // THEN the third receive gets nothing and the message is in the dead-letter queue
        Assert.Empty(third.Messages ?? []);
        Assert.Equal("poison", Assert.Single(_sqs.Server.Messages(deadLetterUrl)).Body);
        Assert.Empty(_sqs.Server.Messages(queueUrl));
    }

    [Fact]
    public async Task BatchSendAndBatchDeleteWorkThroughTheSdk()
    {
        var (queueUrl, _) = _sqs.CreateQueues();

        var sent = await _client.SendMessageBatchAsync(queueUrl,
            [new SendMessageBatchRequestEntry("a", "first"), new SendMessageBatchRequestEntry("b", "second")]);
        var received = await _client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10 });
        var deleted = await _client.DeleteMessageBatchAsync(queueUrl,
            received.Messages.Select(m => new DeleteMessageBatchRequestEntry(m.MessageId, m.ReceiptHandle)).ToList());

        Assert.Equal(2, sent.Successful.Count);
        Assert.Equal(["first", "second"], received.Messages.Select(m => m.Body).Order());
        Assert.Equal(2, deleted.Successful.Count);
        Assert.Empty(_sqs.Server.Messages(queueUrl));
    }

    [Fact]
    public async Task LambdaBatchIsHandledByTheWorkerAndSettledByItsBatchItemFailures()
    {
        // GIVEN a worker with one good and one failing task queued
        var (queueUrl, _) = _sqs.CreateQueues();
        await using var app = TaskTestApp.Build(TaskTestApp.Lambda(queueUrl: queueUrl), services => services.AddSingleton(_client));
        app.MapTask<DnaJob>("compute-dna", (job, _, _) =>
            job.Repeat == 0 ? throw new InvalidOperationException("bad") : Task.CompletedTask);
        var queue = app.Services.GetRequiredService<ITaskQueue>();
        await queue.EnqueueAsync("compute-dna", new DnaJob("A", 1));
        await queue.EnqueueAsync("compute-dna", new DnaJob("A", 0));

        // WHEN the fake delivers them as one Lambda SQS event and settles the worker's response
        var batch = _sqs.Server.ReceiveLambdaBatch(queueUrl)!;
        var response = await app.Handler<SqsTaskBatchHandler>().InvokeAsync(batch.EventJson);
        var retried = _sqs.Server.SettleLambdaBatch(batch, response.GetRawText(), TimeSpan.Zero);

        // THEN only the failed message stays, to be received again
        Assert.Equal(TaskTestApp.BatchItemFailures(response), retried);
        var left = Assert.Single(_sqs.Server.Messages(queueUrl));
        Assert.Equal(retried.Single(), left.MessageId);
        Assert.Equal(1, left.ReceiveCount);
    }

    [Fact]
    public async Task UnknownQueueAnswersQueueDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(
            () => _client.SendMessageAsync(new Uri(_sqs.Server.ServiceUrl, "/000000000000/missing").ToString(), "x"));

        Assert.Contains("missing", error.Message);
    }
}
