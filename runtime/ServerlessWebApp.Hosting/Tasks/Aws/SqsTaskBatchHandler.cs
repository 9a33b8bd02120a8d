using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Tasks.Aws;

/// <summary>
/// The worker side of the task queue: runs each task of an SQS batch and answers
/// <c>{"batchItemFailures":[{"itemIdentifier":messageId}]}</c>, so only the failed messages are retried and, after the
/// queue's maxReceiveCount, dead-lettered.
/// </summary>
internal sealed partial class SqsTaskBatchHandler : ILambdaEventHandler
{
    private readonly IServiceProvider _services;
    private readonly ServerlessWebAppTaskOptions _options;
    private readonly ILogger<SqsTaskBatchHandler> _logger;

    // The runner (and the AWS clients behind it) is resolved on the first batch, not when the invocation loop
    // collects its handlers: a web function never pays for them at cold start.
    public SqsTaskBatchHandler(IServiceProvider services, IOptions<ServerlessWebAppTaskOptions> options, ILogger<SqsTaskBatchHandler> logger)
    {
        _services = services;
        _options = options.Value;
        _logger = logger;
    }

    private TaskRunner Runner => _services.GetRequiredService<TaskRunner>();

    public int Order => 20;

    public bool CanHandle(JsonElement lambdaEvent) =>
        lambdaEvent.ValueKind == JsonValueKind.Object &&
        lambdaEvent.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array &&
        records.GetArrayLength() > 0 && records[0].ValueKind == JsonValueKind.Object &&
        records[0].TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String &&
        source.ValueEquals("aws:sqs");

    public async Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var deadline = invocation.Deadline - _options.DeadlineMargin;
        var failures = new List<string>();
        foreach (var record in invocation.Event.GetProperty("Records").EnumerateArray())
        {
            var messageId = record.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()!
                : throw new LambdaEventException("MalformedEvent", "An SQS record has no 'messageId' string.");
            if (!await RunRecordAsync(record, messageId, deadline, cancellationToken).ConfigureAwait(false))
            {
                failures.Add(messageId);
            }
        }

        BatchItemFailuresResponse.Write(response, failures);
    }

    private async Task<bool> RunRecordAsync(JsonElement record, string messageId, DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        TaskMessage message;
        try
        {
            var body = record.TryGetProperty("body", out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString()!
                : throw new TaskPayloadException("The SQS record has no 'body' string.");
            message = TaskMessageCodec.Decode(Encoding.UTF8.GetBytes(body));
        }
        catch (TaskPayloadException ex)
        {
            LogNotATaskMessage(_logger, ex, messageId);
            return false;
        }
        try
        {
            var outcome = await Runner.RunAsync(message, ReceiveCount(record), deadline, cancellationToken).ConfigureAwait(false);
            return outcome.Succeeded;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The status store or payload bucket failed: this message alone is retried.
            LogCouldNotRun(_logger, ex, message.TaskId, messageId);
            return false;
        }
    }

    private static int ReceiveCount(JsonElement record) =>
        record.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object &&
        attributes.TryGetProperty("ApproximateReceiveCount", out var count) && count.ValueKind == JsonValueKind.String &&
        int.TryParse(count.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 1;

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "SQS message {MessageId} is not a task message and will be retried, then dead-lettered")]
    private static partial void LogNotATaskMessage(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Task {TaskId} from SQS message {MessageId} could not be run")]
    private static partial void LogCouldNotRun(ILogger logger, Exception exception, string taskId, string messageId);
}
