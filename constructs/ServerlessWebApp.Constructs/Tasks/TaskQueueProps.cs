using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Inputs of <see cref="TaskQueue"/>: the queue that carries tasks from the web function to the worker.</summary>
public sealed class TaskQueueProps
{
    /// <summary>
    /// The worker function's <c>live</c> alias. The SQS event source is attached to it, so a deploy publishes a new
    /// version without cutting off batches running on the old one; its role is granted consume-only access.
    /// Default: none, required.
    /// </summary>
    public required Amazon.CDK.AWS.Lambda.IAlias WorkerAlias { get; init; }

    /// <summary>
    /// The worker function's timeout (1–900 seconds). It sizes the visibility timeout, since a function cannot
    /// report its own timeout through <see cref="IFunction"/>. Default: none, required.
    /// </summary>
    public required Duration WorkerTimeout { get; init; }

    /// <summary>
    /// The web function that enqueues tasks. Its role may only send (SendMessage, GetQueueAttributes, GetQueueUrl);
    /// when it is a concrete <see cref="Function"/> and <see cref="ApplyEnvironment"/> is on, it also receives the
    /// task environment variables. Default: none, no function is granted send access.
    /// </summary>
    public IFunction? WebFunction { get; init; }

    /// <summary>
    /// How long a received message stays invisible to other consumers; at least six times
    /// <see cref="WorkerTimeout"/> (AWS's guidance for Lambda event sources) and at most 12 hours.
    /// Default: 6 × <see cref="WorkerTimeout"/> + <see cref="MaxBatchingWindow"/>, capped at 12 hours.
    /// </summary>
    public Duration? VisibilityTimeout { get; init; }

    /// <summary>How long an unprocessed task stays in the queue (60 seconds – 14 days). Default: 4 days, SQS's own default.</summary>
    public Duration? RetentionPeriod { get; init; }

    /// <summary>
    /// How many times a message is received before it moves to the dead-letter queue (1–1000).
    /// Default: 3 (a task that fails three times is dead-lettered, not lost).
    /// </summary>
    public int? MaxReceiveCount { get; init; }

    /// <summary>Messages per worker invocation (1–10000; above 10 needs a <see cref="MaxBatchingWindow"/> of at least 1 second). Default: 10.</summary>
    public int? BatchSize { get; init; }

    /// <summary>How long the event source gathers messages before invoking the worker (0–300 seconds). Default: none, invoke as soon as messages arrive.</summary>
    public Duration? MaxBatchingWindow { get; init; }

    /// <summary>
    /// Most concurrent worker invocations this queue may drive (2–1000). Default: none, limited only by the
    /// function's reserved concurrency and the account's concurrency.
    /// </summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>
    /// Create the DynamoDB task status table (on-demand billing, so $0 at zero traffic; time-to-live on
    /// <c>expiresAt</c>; point-in-time recovery). The web function may GetItem, PutItem and DeleteItem (it records
    /// RECEIVED on enqueue, withdraws that record if the send fails, and serves <c>GET /tasks/{id}</c>); the worker may
    /// GetItem, PutItem and UpdateItem. Default: true.
    /// </summary>
    public bool? StatusTable { get; init; }

    /// <summary>What happens to the status table when it leaves the stack. Default: <see cref="RemovalPolicy.RETAIN"/>, task history is never deleted by a deploy.</summary>
    public RemovalPolicy? StatusTableRemovalPolicy { get; init; }

    /// <summary>
    /// Create a private S3 bucket for task payloads too large for an SQS message (256 KB). The web function may only
    /// put objects, the worker may only get them. Default: false, oversized payloads are refused at enqueue.
    /// </summary>
    public bool? PayloadBucket { get; init; }

    /// <summary>
    /// How long payload objects are kept before the lifecycle rule deletes them (1–3650 days, at least the
    /// dead-letter queue's 14 days so a dead-lettered task keeps its payload). Default: 14 days.
    /// </summary>
    public Duration? PayloadRetention { get; init; }

    /// <summary>
    /// Bucket that receives the payload bucket's server access logs (prefix <c>task-payloads/</c>): SSE-S3 and without
    /// Object Lock, the only kind S3 delivers access logs to (a synth error otherwise, when known). Default: none, no
    /// access logging.
    /// </summary>
    public IBucket? AccessLogsBucket { get; init; }

    /// <summary>
    /// Customer-managed KMS key for the queue, its dead-letter queue, the status table and the payload bucket.
    /// Opt-in: a customer-managed key is billed (about $1 per key per month plus requests). The functions are
    /// granted only the key actions they need. A symmetric encryption key, not an alias (a synth error otherwise). Default: none, SQS-managed encryption (SSE-SQS) and the AWS-managed
    /// <c>aws/dynamodb</c> and <c>aws/s3</c> keys, which have no monthly charge.
    /// </summary>
    public IKey? EncryptionKey { get; init; }

    /// <summary>
    /// S3 Object Lock with this default retention on the payload bucket (no payload version can be deleted or
    /// overwritten before it ends; Object Lock cannot be turned off again). Requires <see cref="PayloadBucket"/>.
    /// Default: none.
    /// </summary>
    public ObjectLockRetention? PayloadObjectLock { get; init; }

    /// <summary>
    /// Add the task environment variables (<see cref="TaskQueue.WebEnvironment"/>, <see cref="TaskQueue.WorkerEnvironment"/>)
    /// to the web and worker functions when they are concrete <see cref="Function"/>s. Default: true.
    /// </summary>
    public bool? ApplyEnvironment { get; init; }
}
