namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>How a source delivers records and learns which of them failed.</summary>
internal enum EventSourceDelivery
{
    /// <summary>
    /// Asynchronous invocation (S3, SNS, EventBridge): any failed record fails the invocation, which Lambda retries and
    /// finally sends to the on-failure destination or dead-letter queue.
    /// </summary>
    Asynchronous,

    /// <summary>A queue batch (SQS): every failed message is listed in <c>batchItemFailures</c> and retried alone.</summary>
    Batch,

    /// <summary>
    /// An ordered stream batch (Kinesis, DynamoDB Streams): processing stops at the first failed record, whose sequence
    /// number is reported, so Lambda resumes the shard from there and order is kept.
    /// </summary>
    OrderedBatch,
}
