namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// A queued task as it travels in an SQS message body or a local queue row. The payload is inline JSON, or a
/// reference to an S3 object when it was too large for SQS.
/// </summary>
internal sealed record TaskMessage(
    string TaskId,
    string TaskName,
    DateTimeOffset EnqueuedAt,
    ReadOnlyMemory<byte>? InlinePayload,
    TaskPayloadReference? PayloadReference);
