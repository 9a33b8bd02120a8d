using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.Contract;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Pure default factories for <see cref="TaskQueueProps"/>; one place that says what an unset property means.</summary>
internal static class TaskQueueDefaults
{
    /// <summary>Receives before a message is dead-lettered.</summary>
    public const int MaxReceiveCount = 3;

    /// <summary>Messages per worker invocation.</summary>
    public const int BatchSize = 10;

    /// <summary>SQS's longest visibility timeout, 12 hours.</summary>
    public const int MaxVisibilityTimeoutSeconds = 12 * 60 * 60;

    /// <summary>Retention of unprocessed tasks: SQS's own default.</summary>
    public static Duration RetentionPeriod() => Durations.Days(4);

    /// <summary>Lifetime of large payload objects: as long as a dead-lettered message that may point at them.</summary>
    public static Duration PayloadRetention() => Durations.Days(14);

    /// <summary>
    /// Six times the worker's timeout plus the batching window (AWS's guidance for SQS event sources, so a batch
    /// being retried by Lambda is never handed to a second worker), capped at SQS's 12-hour maximum.
    /// </summary>
    public static Duration VisibilityTimeout(Duration workerTimeout, Duration? maxBatchingWindow)
    {
        var seconds = 6 * workerTimeout.ToSeconds() + (maxBatchingWindow?.ToSeconds() ?? 0);
        return Durations.Seconds(Math.Min(seconds, MaxVisibilityTimeoutSeconds));
    }

    /// <summary>
    /// The status table: keyed by task id, on-demand (no charge at zero traffic), time-to-live on the attribute the
    /// runtime writes, point-in-time recovery, and retained when it leaves the stack. Without a key it is encrypted
    /// with DynamoDB's AWS-managed KMS key (<c>aws/dynamodb</c>): no monthly charge, and DynamoDB caches the table key,
    /// so KMS requests stay within its free tier (and none are made at idle).
    /// </summary>
    public static TableProps StatusTable(IKey? encryptionKey, RemovalPolicy? removalPolicy) => new()
    {
        PartitionKey = new Attribute { Name = SwaTaskStatusTable.PartitionKey, Type = AttributeType.STRING },
        BillingMode = BillingMode.PAY_PER_REQUEST,
        TimeToLiveAttribute = SwaTaskStatusTable.TimeToLiveAttribute,
        PointInTimeRecovery = true,
        Encryption = encryptionKey is null ? TableEncryption.AWS_MANAGED : TableEncryption.CUSTOMER_MANAGED,
        EncryptionKey = encryptionKey,
        RemovalPolicy = removalPolicy ?? RemovalPolicy.RETAIN,
    };

    /// <summary>
    /// The payload bucket: private (public access blocked, ACLs off), encrypted with AWS KMS (the given key, or S3's
    /// AWS-managed key, with an S3 bucket key either way), TLS 1.2+ only, versioned, objects
    /// expiring after <paramref name="retention"/> (old versions after a day), access-logged when a log bucket is given.
    /// </summary>
    public static BucketProps PayloadBucket(IKey? encryptionKey, IBucket? accessLogsBucket, Duration? retention) => new()
    {
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        Encryption = encryptionKey is null ? BucketEncryption.KMS_MANAGED : BucketEncryption.KMS,
        EncryptionKey = encryptionKey,
        BucketKeyEnabled = true,
        EnforceSSL = true,
        MinimumTLSVersion = 1.2,
        Versioned = true,
        ServerAccessLogsBucket = accessLogsBucket,
        ServerAccessLogsPrefix = accessLogsBucket is null ? null : "task-payloads/",
        LifecycleRules =
        [
            new LifecycleRule
            {
                Id = "ExpireTaskPayloads",
                Expiration = retention ?? PayloadRetention(),
                NoncurrentVersionExpiration = Durations.Days(1),
                AbortIncompleteMultipartUploadAfter = Durations.Days(1),
            },
        ],
    };
}
