using Amazon.SQS;
using Amazon.SQS.Model;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>
/// Plays Lambda's SQS event source mapping against a queue: receives batches, invokes the worker, deletes what it
/// did not report in <c>batchItemFailures</c> and leaves the rest to be redelivered after
/// <see cref="RetryVisibilitySeconds"/> (shorter than a real queue's timeout, to keep the test fast). Redrive to the
/// dead-letter queue is the queue's job.
/// </summary>
internal sealed class SqsEventSourceSimulator
{
    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;
    private readonly ILambdaEventHandler _worker;

    public SqsEventSourceSimulator(IAmazonSQS sqs, string queueUrl, ILambdaEventHandler worker)
    {
        _sqs = sqs;
        _queueUrl = queueUrl;
        _worker = worker;
    }

    /// <summary>Decides, per successfully handled message, to lose its delete (as when the poller crashes) so SQS redelivers it.</summary>
    public Func<Message, bool> LoseDeleteOf { get; init; } = _ => false;

    /// <summary>When a failed message becomes visible again.</summary>
    public int RetryVisibilitySeconds { get; init; }

    public int Invocations => _invocations;

    private int _invocations;

    /// <summary>Runs <paramref name="pollers"/> concurrent pollers until the queue holds no message at all.</summary>
    public async Task DrainAsync(int pollers, Func<int> messagesLeft, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(_ => PollAsync(messagesLeft, cancellation.Token)));
    }

    private async Task PollAsync(Func<int> messagesLeft, CancellationToken cancellationToken)
    {
        while (messagesLeft() > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = _queueUrl, MaxNumberOfMessages = 10, VisibilityTimeout = 60, MessageSystemAttributeNames = ["All"],
            }, cancellationToken);
            if (received.Messages is not { Count: > 0 } messages)
            {
                await Task.Delay(5, cancellationToken);
                continue;
            }
            Interlocked.Increment(ref _invocations);
            var response = await _worker.InvokeAsync(TaskTestApp.SqsEvent(messages
                .Select(m => (m.MessageId, m.Body, int.Parse(m.Attributes["ApproximateReceiveCount"]))).ToArray()));
            var failures = TaskTestApp.BatchItemFailures(response).ToHashSet();
            var toDelete = new List<DeleteMessageBatchRequestEntry>();
            foreach (var message in messages)
            {
                if (failures.Contains(message.MessageId) || LoseDeleteOf(message))
                {
                    await _sqs.ChangeMessageVisibilityAsync(_queueUrl, message.ReceiptHandle, RetryVisibilitySeconds, cancellationToken);
                }
                else
                {
                    toDelete.Add(new DeleteMessageBatchRequestEntry(message.MessageId, message.ReceiptHandle));
                }
            }
            if (toDelete.Count > 0)
            {
                var deleted = await _sqs.DeleteMessageBatchAsync(_queueUrl, toDelete, cancellationToken);
                Assert.Empty(deleted.Failed ?? []);
            }
        }
    }
}
