using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>The event sources' defaults, in one place.</summary>
internal static class EventSourceDefaults
{
    /// <summary>The timeout of a worker created for event sources alone (no <c>Tasks</c>): the task worker's default.</summary>
    public static readonly Amazon.CDK.Duration WorkerTimeout = Durations.Minutes(5);

    public const double QueueBatchSize = 10;
    public const double StreamBatchSize = 100;
    public const double StreamRetryAttempts = 3;
    public const bool BisectBatchOnError = true;
    public static readonly StartingPosition StartingPosition = StartingPosition.LATEST;
    public static readonly Amazon.CDK.AWS.S3.EventType[] BucketEvents = [Amazon.CDK.AWS.S3.EventType.OBJECT_CREATED];

    /// <summary>A failure or dead-letter queue: SQS-encrypted, TLS only, messages kept 14 days. Pay per use.</summary>
    public static Queue FailureQueue(Construct scope, string id) => new(scope, id, new QueueProps
    {
        Encryption = QueueEncryption.SQS_MANAGED,
        EnforceSSL = true,
        RetentionPeriod = Durations.Days(14),
    });
}
