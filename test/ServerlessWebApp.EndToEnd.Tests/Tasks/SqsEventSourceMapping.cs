using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Tasks;

/// <summary>
/// Plays Lambda's SQS event source mapping: receives a batch from the queue, invokes the worker with the
/// <c>aws:sqs</c> event, and deletes every message not listed in the answer's <c>batchItemFailures</c> (partial batch
/// responses), leaving the failed ones to become visible again.
/// </summary>
public sealed class SqsEventSourceMapping(IAmazonSQS sqs, string queueUrl, string queueArn, LambdaRuntimeApiEmulator worker)
{
    public int BatchSize { get; init; } = 10;
    public int Invocations { get; private set; }

    /// <summary>Delivers one batch if any message is visible; returns how many messages it carried.</summary>
    public async Task<int> DeliverOnceAsync(CancellationToken cancellationToken = default)
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = BatchSize,
            WaitTimeSeconds = 0,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        }, cancellationToken);
        var messages = received.Messages ?? [];
        if (messages.Count == 0) return 0;

        var result = await worker.InvokeAsync(BatchEvent(messages), TimeSpan.FromSeconds(60), cancellationToken);
        Invocations++;
        if (!result.Succeeded) throw new InvalidOperationException($"The worker failed the whole batch: {result}");

        var failed = FailedMessageIds(result);
        foreach (var message in messages.Where(m => !failed.Contains(m.MessageId)))
        {
            await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, cancellationToken);
        }
        return messages.Count;
    }

    /// <summary>Keeps delivering until <paramref name="done"/> holds or <paramref name="timeout"/> passes.</summary>
    public async Task RunUntilAsync(Func<Task<bool>> done, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (!await done())
        {
            if (limit.IsCancellationRequested) throw new TimeoutException($"Condition not met within {timeout} ({Invocations} worker invocations).");
            if (await DeliverOnceAsync(limit.Token) == 0) await Task.Delay(50, limit.Token);
        }
    }

    private string BatchEvent(IEnumerable<Message> messages)
    {
        var records = new JsonArray();
        foreach (var message in messages)
        {
            var attributes = new JsonObject();
            foreach (var (name, value) in message.Attributes ?? []) attributes[name] = value;
            var messageAttributes = new JsonObject();
            foreach (var (name, value) in message.MessageAttributes ?? [])
            {
                messageAttributes[name] = new JsonObject
                {
                    ["stringValue"] = value.StringValue,
                    ["binaryValue"] = value.BinaryValue is null ? null : Convert.ToBase64String(value.BinaryValue.ToArray()),
                    ["stringListValues"] = new JsonArray(),
                    ["binaryListValues"] = new JsonArray(),
                    ["dataType"] = value.DataType,
                };
            }
            records.Add(new JsonObject
            {
                ["messageId"] = message.MessageId,
                ["receiptHandle"] = message.ReceiptHandle,
                ["body"] = message.Body,
                ["attributes"] = attributes,
                ["messageAttributes"] = messageAttributes,
                ["md5OfBody"] = message.MD5OfBody,
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = queueArn,
                ["awsRegion"] = "us-east-1",
            });
        }
        return new JsonObject { ["Records"] = records }.ToJsonString();
    }

    private static HashSet<string> FailedMessageIds(InvocationResult result)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var json = result.Json();
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("batchItemFailures", out var failures))
        {
            foreach (var failure in failures.EnumerateArray()) failed.Add(failure.GetProperty("itemIdentifier").GetString()!);
        }
        return failed;
    }

    public static string ArnOf(string queueName) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:aws:sqs:us-east-1:123456789012:{queueName}");
}
