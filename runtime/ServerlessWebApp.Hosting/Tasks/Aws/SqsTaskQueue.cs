using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessWebApp.Contract;

namespace ServerlessWebApp.Hosting.Tasks.Aws;

/// <summary>Sends tasks to the construct's SQS queue; payloads over the message limit go to S3 first.</summary>
internal sealed class SqsTaskQueue : ITaskQueue
{
    private readonly TaskMessageFactory _factory;
    private readonly IAmazonSQS _sqs;
    private readonly ITaskPayloadStore _payloads;
    private readonly ITaskStatusWriter _status;
    private readonly ServerlessTaskOptions _options;
    private readonly ILogger<SqsTaskQueue> _logger;

    public SqsTaskQueue(TaskMessageFactory factory, IAmazonSQS sqs, ITaskPayloadStore payloads, ITaskStatusWriter status,
        IOptions<ServerlessTaskOptions> options, ILogger<SqsTaskQueue> logger)
    {
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
        var queueUrl = _options.QueueUrl is { Length: > 0 } url ? url : throw new TaskEnqueueException(
            $"No task queue is configured: {SwaEnvironment.TaskQueueUrl} is not set (enable tasks on the ServerlessWebApp construct).");
        var message = _factory.Create(taskName, payload, options);
        var body = TaskMessageCodec.Encode(message);
        if (body.Length > _options.MaxMessageBytes && _payloads.Bucket is null)
        {
            throw new TaskEnqueueException(
                $"The payload of task '{taskName}' makes a {body.Length}-byte message; the SQS message limit is " +
                $"{_options.MaxMessageBytes} bytes ({_options.MaxMessageBytes / 1024} KiB). Set " +
                $"{SwaEnvironment.TaskPayloadBucket} (the construct's task payload bucket) to send larger payloads through S3.");
        }
        if (!await _status.TryCreateAsync(message.TaskId, taskName, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("Task {TaskName} with deduplication key already enqueued as {TaskId}", taskName, message.TaskId);
            return message.TaskId;
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
                DelaySeconds = options is { Delay.Ticks: > 0 } ? (int)Math.Ceiling(options.Delay.TotalSeconds) : null,
            }, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Task {TaskName} enqueued as {TaskId} (message {MessageId})", taskName, message.TaskId,
                response.MessageId);
            return message.TaskId;
        }
        catch
        {
            await _status.RemoveReceivedAsync(message.TaskId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
