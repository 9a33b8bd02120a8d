using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.TestSupport.Sqs;

/// <summary>
/// An SQS endpoint on 127.0.0.1 speaking the JSON protocol AWSSDK.SQS v4 uses (<c>X-Amz-Target: AmazonSQS.*</c>,
/// <c>application/x-amz-json-1.0</c>): CreateQueue, GetQueueUrl, GetQueueAttributes, SendMessage(Batch),
/// ReceiveMessage, DeleteMessage(Batch), ChangeMessageVisibility, with visibility timeouts, delays and a redrive
/// policy that moves a message to its dead-letter queue after maxReceiveCount receives. Signatures are not checked.
/// </summary>
public sealed class FakeSqsServer : IAsyncDisposable
{
    private const string AccountId = "000000000000";
    private const string Region = "us-east-1";

    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, FakeSqsQueue> _queuesByName = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _actions = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;

    private FakeSqsServer(TimeProvider clock) => _clock = clock;

    /// <summary>The endpoint to use as the SDK's <c>ServiceURL</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every action called, in order (e.g. <c>SendMessage</c>).</summary>
    public IReadOnlyCollection<string> Actions => _actions;

    public static async Task<FakeSqsServer> StartAsync(TimeProvider? clock = null)
    {
        var server = new FakeSqsServer(clock ?? TimeProvider.System);
        (server._app, server.ServiceUrl) = await LoopbackEndpoint.StartAsync(server.HandleAsync).ConfigureAwait(false);
        return server;
    }

    /// <summary>Creates a queue directly (as a test's setup would through CloudFormation) and returns its URL.</summary>
    public string CreateQueue(string name, string? deadLetterQueueUrl = null, int maxReceiveCount = 0,
        TimeSpan? visibilityTimeout = null)
    {
        lock (_lock)
        {
            var queue = GetOrCreate(name);
            if (visibilityTimeout is { } timeout) queue.VisibilityTimeout = timeout;
            if (deadLetterQueueUrl is not null)
            {
                queue.DeadLetterQueue = ByUrl(deadLetterQueueUrl);
                queue.MaxReceiveCount = maxReceiveCount;
            }
            return queue.Url;
        }
    }

    /// <summary>The messages a queue holds now (in flight ones included).</summary>
    public IReadOnlyList<FakeSqsMessage> Messages(string queueUrl)
    {
        lock (_lock) return ByUrl(queueUrl).Snapshot();
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> visible messages as an SQS Lambda event, or null when none is
    /// visible. They stay in flight for <paramref name="visibilityTimeout"/> (default: the queue's).
    /// </summary>
    public FakeSqsLambdaBatch? ReceiveLambdaBatch(string queueUrl, int maxMessages = 10, TimeSpan? visibilityTimeout = null)
    {
        List<FakeSqsQueue.Received> received;
        FakeSqsQueue queue;
        lock (_lock)
        {
            queue = ByUrl(queueUrl);
            received = queue.Receive(maxMessages, visibilityTimeout);
        }
        if (received.Count == 0) return null;
        var records = new JsonArray();
        foreach (var m in received)
        {
            records.Add(new JsonObject
            {
                ["messageId"] = m.MessageId,
                ["receiptHandle"] = m.ReceiptHandle,
                ["body"] = m.Body,
                ["attributes"] = new JsonObject
                {
                    ["ApproximateReceiveCount"] = m.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                    ["SentTimestamp"] = m.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    ["SenderId"] = "AIDAFAKESQS",
                    ["ApproximateFirstReceiveTimestamp"] = m.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                },
                ["messageAttributes"] = new JsonObject(),
                ["md5OfBody"] = m.Md5,
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = queue.Arn,
                ["awsRegion"] = Region,
            });
        }
        var lambdaEvent = new JsonObject { ["Records"] = records };
        return new FakeSqsLambdaBatch(queueUrl, lambdaEvent.ToJsonString(),
            received.ToDictionary(m => m.MessageId, m => m.ReceiptHandle));
    }

    /// <summary>
    /// Settles a batch as the event source mapping does with the worker's response: deletes every message not listed
    /// in <c>batchItemFailures</c>; the listed ones become visible again after <paramref name="retryAfter"/>. A null
    /// or unparsable response fails the whole batch. Returns the message ids that will be retried.
    /// </summary>
    public IReadOnlyList<string> SettleLambdaBatch(FakeSqsLambdaBatch batch, string? responseJson, TimeSpan retryAfter)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var response = responseJson is null ? null : JsonNode.Parse(responseJson) as JsonObject;
            if (response?["batchItemFailures"] is JsonArray failures)
            {
                foreach (var failure in failures) failed.Add(failure!["itemIdentifier"]!.GetValue<string>());
            }
            else if (responseJson is null)
            {
                failed.UnionWith(batch.ReceiptHandles.Keys);
            }
        }
        catch (JsonException)
        {
            failed.UnionWith(batch.ReceiptHandles.Keys);
        }
        lock (_lock)
        {
            var queue = ByUrl(batch.QueueUrl);
            foreach (var (messageId, receiptHandle) in batch.ReceiptHandles)
            {
                if (failed.Contains(messageId)) queue.ChangeVisibility(receiptHandle, retryAfter);
                else queue.Delete(receiptHandle);
            }
        }
        return failed.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith("AmazonSQS.", StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, "InvalidAction", "The X-Amz-Target header must name an AmazonSQS action.").ConfigureAwait(false);
            return;
        }
        var action = target["AmazonSQS.".Length..];
        _actions.Enqueue(action);
        JsonObject request;
        try
        {
            request = (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))?.AsObject() ?? [];
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, "MalformedInput", "The body is not JSON.").ConfigureAwait(false);
            return;
        }

        try
        {
            JsonObject? response;
            if (action == "ReceiveMessage")
            {
                response = await ReceiveAsync(request, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                lock (_lock) response = Dispatch(action, request);
            }
            if (response is null)
            {
                await WriteErrorAsync(context, "InvalidAction", $"The action {action} is not supported by the fake.").ConfigureAwait(false);
                return;
            }
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            await context.Response.WriteAsync(response.ToJsonString()).ConfigureAwait(false);
        }
        catch (SqsFault fault)
        {
            await WriteErrorAsync(context, fault.Code, fault.Message).ConfigureAwait(false);
        }
    }

    private JsonObject? Dispatch(string action, JsonObject request) => action switch
    {
        "CreateQueue" => CreateQueue(request),
        "GetQueueUrl" => new JsonObject { ["QueueUrl"] = ByName(Text(request, "QueueName")).Url },
        "GetQueueAttributes" => Attributes(ByUrl(Text(request, "QueueUrl"))),
        "SendMessage" => Send(ByUrl(Text(request, "QueueUrl")), request),
        "SendMessageBatch" => SendBatch(request),
        "DeleteMessage" => Delete(request),
        "DeleteMessageBatch" => DeleteBatch(request),
        "ChangeMessageVisibility" => ChangeVisibility(request),
        _ => null,
    };

    private JsonObject CreateQueue(JsonObject request)
    {
        var queue = GetOrCreate(Text(request, "QueueName"));
        if (request["Attributes"] is JsonObject attributes)
        {
            if (attributes["VisibilityTimeout"]?.GetValue<string>() is { } timeout)
            {
                queue.VisibilityTimeout = TimeSpan.FromSeconds(int.Parse(timeout, CultureInfo.InvariantCulture));
            }
            if (attributes["RedrivePolicy"]?.GetValue<string>() is { } redrive)
            {
                var policy = JsonNode.Parse(redrive)!.AsObject();
                var arn = policy["deadLetterTargetArn"]!.GetValue<string>();
                queue.DeadLetterQueue = _queuesByName.Values.FirstOrDefault(q => q.Arn == arn)
                    ?? throw new SqsFault("InvalidParameterValue", $"Dead-letter target {arn} does not exist.");
                queue.MaxReceiveCount = int.Parse(policy["maxReceiveCount"]!.ToString(), CultureInfo.InvariantCulture);
            }
        }
        return new JsonObject { ["QueueUrl"] = queue.Url };
    }

    private static JsonObject Attributes(FakeSqsQueue queue) => new()
    {
        ["Attributes"] = new JsonObject
        {
            ["QueueArn"] = queue.Arn,
            ["ApproximateNumberOfMessages"] = queue.VisibleCount.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesNotVisible"] = (queue.Count - queue.VisibleCount).ToString(CultureInfo.InvariantCulture),
            ["VisibilityTimeout"] = ((int)queue.VisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        },
    };

    private static JsonObject Send(FakeSqsQueue queue, JsonObject request)
    {
        var (messageId, md5) = queue.Send(Text(request, "MessageBody"), DelayOf(request));
        return new JsonObject { ["MessageId"] = messageId, ["MD5OfMessageBody"] = md5 };
    }

    private JsonObject SendBatch(JsonObject request)
    {
        var queue = ByUrl(Text(request, "QueueUrl"));
        var successful = new JsonArray();
        foreach (var entry in request["Entries"]?.AsArray() ?? [])
        {
            var item = entry!.AsObject();
            var (messageId, md5) = queue.Send(Text(item, "MessageBody"), DelayOf(item));
            successful.Add(new JsonObject { ["Id"] = Text(item, "Id"), ["MessageId"] = messageId, ["MD5OfMessageBody"] = md5 });
        }
        return new JsonObject { ["Successful"] = successful, ["Failed"] = new JsonArray() };
    }

    private async Task<JsonObject> ReceiveAsync(JsonObject request, CancellationToken aborted)
    {
        var max = request["MaxNumberOfMessages"]?.GetValue<int>() ?? 1;
        if (max is < 1 or > 10) throw new SqsFault("InvalidParameterValue", "MaxNumberOfMessages must be 1 to 10.");
        TimeSpan? visibility = request["VisibilityTimeout"] is { } v ? TimeSpan.FromSeconds(v.GetValue<int>()) : null;
        var waitUntil = _clock.GetUtcNow() + TimeSpan.FromSeconds(request["WaitTimeSeconds"]?.GetValue<int>() ?? 0);
        while (true)
        {
            List<FakeSqsQueue.Received> received;
            lock (_lock) received = ByUrl(Text(request, "QueueUrl")).Receive(max, visibility);
            if (received.Count > 0 || _clock.GetUtcNow() >= waitUntil)
            {
                var messages = new JsonArray();
                foreach (var m in received)
                {
                    messages.Add(new JsonObject
                    {
                        ["MessageId"] = m.MessageId,
                        ["ReceiptHandle"] = m.ReceiptHandle,
                        ["MD5OfBody"] = m.Md5,
                        ["Body"] = m.Body,
                        ["Attributes"] = new JsonObject
                        {
                            ["ApproximateReceiveCount"] = m.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                            ["SentTimestamp"] = m.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                            ["ApproximateFirstReceiveTimestamp"] = m.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                            ["SenderId"] = "AIDAFAKESQS",
                        },
                    });
                }
                return new JsonObject { ["Messages"] = messages };
            }
            await Task.Delay(20, aborted).ConfigureAwait(false);
        }
    }

    private JsonObject Delete(JsonObject request)
    {
        var queue = ByUrl(Text(request, "QueueUrl"));
        if (!queue.Delete(Text(request, "ReceiptHandle")))
        {
            throw new SqsFault("ReceiptHandleIsInvalid", "The receipt handle is not valid for any message in the queue.");
        }
        return [];
    }

    private JsonObject DeleteBatch(JsonObject request)
    {
        var queue = ByUrl(Text(request, "QueueUrl"));
        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in request["Entries"]?.AsArray() ?? [])
        {
            var item = entry!.AsObject();
            if (queue.Delete(Text(item, "ReceiptHandle")))
            {
                successful.Add(new JsonObject { ["Id"] = Text(item, "Id") });
            }
            else
            {
                failed.Add(new JsonObject
                {
                    ["Id"] = Text(item, "Id"), ["Code"] = "ReceiptHandleIsInvalid", ["SenderFault"] = true,
                    ["Message"] = "The receipt handle is not valid.",
                });
            }
        }
        return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
    }

    private JsonObject ChangeVisibility(JsonObject request)
    {
        var queue = ByUrl(Text(request, "QueueUrl"));
        var timeout = TimeSpan.FromSeconds(request["VisibilityTimeout"]?.GetValue<int>() ?? 0);
        if (!queue.ChangeVisibility(Text(request, "ReceiptHandle"), timeout))
        {
            throw new SqsFault("ReceiptHandleIsInvalid", "The receipt handle is not valid for any message in the queue.");
        }
        return [];
    }

    private FakeSqsQueue GetOrCreate(string name) => _queuesByName.GetOrAdd(name, n => new FakeSqsQueue(n,
        $"{ServiceUrl.GetLeftPart(UriPartial.Authority)}/{AccountId}/{n}", $"arn:aws:sqs:{Region}:{AccountId}:{n}", _clock));

    private FakeSqsQueue ByName(string name) => _queuesByName.TryGetValue(name, out var queue)
        ? queue
        : throw new SqsFault("QueueDoesNotExist", $"The queue {name} does not exist.");

    private FakeSqsQueue ByUrl(string url) => ByName(url.TrimEnd('/').Split('/')[^1]);

    private static TimeSpan DelayOf(JsonObject request) =>
        TimeSpan.FromSeconds(request["DelaySeconds"]?.GetValue<int>() ?? 0);

    private static string Text(JsonObject request, string name) =>
        request[name]?.GetValue<string>() ?? throw new SqsFault("MissingParameter", $"The request must contain the parameter {name}.");

    private static async Task WriteErrorAsync(HttpContext context, string code, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.Headers["x-amzn-query-error"] = $"AWS.SimpleQueueService.{code};Sender";
        await context.Response.WriteAsync(new JsonObject
        {
            ["__type"] = $"com.amazonaws.sqs#{code}",
            ["message"] = message,
        }.ToJsonString()).ConfigureAwait(false);
    }

    private sealed class SqsFault(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
