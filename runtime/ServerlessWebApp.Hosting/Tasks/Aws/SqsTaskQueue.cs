using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Tasks.Aws;

/// <summary>Sends tasks to the construct's SQS queue; payloads over the message limit go to S3 first.</summary>
internal sealed partial class SqsTaskQueue : ITaskQueue
{
    private readonly TaskMessageFactory _factory;
    private readonly IAmazonSQS _sqs;
    private readonly ITaskPayloadStore _payloads;
    private readonly ITaskStatusWriter _status;
    private readonly ITaskStatusStore _statusStore;
    private readonly ServerlessWebAppTaskOptions _options;
    private readonly ILogger<SqsTaskQueue> _logger;

    public SqsTaskQueue(TaskMessageFactory factory, IAmazonSQS sqs, ITaskPayloadStore payloads, ITaskStatusWriter status,
        ITaskStatusStore statusStore, IOptions<ServerlessWebAppTaskOptions> options, ILogger<SqsTaskQueue> logger)
    {
        _statusStore = statusStore;
        _factory = factory;
        _sqs = sqs;
        _payloads = payloads;
        _status = status;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<string> EnqueueAsync<TPayload>(string taskName, TPayload payload, TaskEnqueueOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var message = _factory.Create(taskName, payload, options);
        if (options?.DeduplicationKey is not null && !_statusStore.IsTracking)
        {
            throw new TaskEnqueueException(
                "TaskEnqueueOptions.DeduplicationKey needs the task status table on Lambda, and " +
                $"{SwaEnvironment.TaskStatusTable} is not set: enable the status table on the ServerlessWebApp construct.");
        }
        await SendAsync(message, options?.Delay ?? TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return message.TaskId;
    }

    /// <summary>
    /// Records the task as RECEIVED and sends its message (through S3 when too large). A task id that already has a
    /// record is not sent again: that is how deduplication keys and retried schedule invocations enqueue once.
    /// </summary>
    internal async Task SendAsync(TaskMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var queueUrl = _options.QueueUrl is { Length: > 0 } url ? url : throw new TaskEnqueueException(
            $"No task queue is configured: {SwaEnvironment.TaskQueueUrl} is not set (enable tasks on the ServerlessWebApp construct).");
        var body = TaskMessageCodec.Encode(message);
        if (body.Length > _options.MaxMessageBytes && _payloads.Bucket is null)
        {
            throw new TaskEnqueueException(
                $"The payload of task '{message.TaskName}' makes a {body.Length}-byte message; the SQS message limit is " +
                $"{_options.MaxMessageBytes} bytes ({_options.MaxMessageBytes / 1024} KiB). Set " +
                $"{SwaEnvironment.TaskPayloadBucket} (the construct's task payload bucket) to send larger payloads through S3.");
        }
        if (!await _status.TryCreateAsync(message.TaskId, message.TaskName, cancellationToken).ConfigureAwait(false))
        {
            LogAlreadyEnqueued(_logger, message.TaskName, message.TaskId);
            return;
        }
        try
        {
            if (body.Length > _options.MaxMessageBytes)
            {
                var reference = await _payloads.PutAsync(message.TaskId, message.InlinePayload!.Value, cancellationToken)
                    .ConfigureAwait(false);
                body = TaskMessageCodec.Encode(message with { InlinePayload = null, PayloadReference = reference });
            }
            var response = await _sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = queueUrl,
                MessageBody = Encoding.UTF8.GetString(body),
                DelaySeconds = delay > TimeSpan.Zero ? (int)Math.Ceiling(delay.TotalSeconds) : null,
            }, cancellationToken).ConfigureAwait(false);
            LogEnqueued(_logger, message.TaskName, message.TaskId, response.MessageId);
        }
        catch
        {
            await _status.RemoveReceivedAsync(message.TaskId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Task {TaskName} already enqueued as {TaskId}")]
    private static partial void LogAlreadyEnqueued(ILogger logger, string taskName, string taskId);

    [LoggerMessage(EventId = 43, Level = LogLevel.Information, Message = "Task {TaskName} enqueued as {TaskId} (message {MessageId})")]
    private static partial void LogEnqueued(ILogger logger, string taskName, string taskId, string messageId);
}
