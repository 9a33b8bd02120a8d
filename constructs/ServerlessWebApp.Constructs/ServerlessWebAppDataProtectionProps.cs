using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// How a <see cref="ServerlessWebApp"/> protects the data it stores (<see cref="ServerlessWebAppProps.DataProtection"/>),
/// beyond the free defaults every app gets (encryption at rest with AWS-managed keys, TLS only, versioned buckets with
/// server access logs): the settings organisations that run AWS Control Tower's proactive controls ask for. Each is
/// opt-in and says what it costs; <c>docs/security.md</c> lists the controls each one clears. Every property is
/// optional. A setting for buckets applies to the buckets the app creates and is ignored when it creates none, so a
/// platform team can hand the same settings to every app.
/// </summary>
public sealed class ServerlessWebAppDataProtectionProps
{
    /// <summary>
    /// A customer-managed KMS key for the app's data at rest: the task queue and every dead-letter queue (the event
    /// sources' failure queues among them), the task status table, the static-assets, uploads and task payload buckets
    /// (with S3 bucket keys), the log groups, the alarm topic <c>Monitoring</c> creates and the functions' environment
    /// variables; the functions' roles get <c>kms:Decrypt</c> and <c>kms:GenerateDataKey</c> on it (recorded in the
    /// required-permissions report for supplied roles). <c>true</c> (or <see cref="CustomerManagedKey.Create"/>) creates one key with yearly rotation
    /// and the key policy CloudWatch Logs, EventBridge, SNS (for the event-source topics whose dead-letter queues the
    /// construct creates) and CloudWatch alarms need: AWS KMS charges $1 per month for it
    /// ($2 in its second year and $3 from its third, one dollar per rotated version for the first two rotations) plus
    /// $0.03 per 10,000 requests.
    /// <see cref="CustomerManagedKey.Use"/> takes the platform team's key: a symmetric encryption key (not an alias) in
    /// the stack's region; a synth warning lists the key policy statements it needs. A created access-log bucket stays
    /// SSE-S3: S3 delivers server access logs only to such buckets. Default: none (SQS-managed encryption, the
    /// AWS-managed <c>aws/dynamodb</c> and <c>aws/s3</c> keys, CloudWatch Logs' own encryption: no monthly charge).
    /// </summary>
    public CustomerManagedKey? EncryptionKey { get; set; }

    /// <summary>
    /// An existing bucket that receives the server access logs of the app's buckets, typically the platform team's
    /// access-log bucket; the construct then creates none. S3 delivers access logs only to a bucket in the same account
    /// and region as the logged bucket, with S3-managed encryption (SSE-S3) and without Object Lock: synth fails when
    /// the bucket is known to be otherwise. Default: one access-log bucket created with the first bucket that needs it
    /// (SSE-S3, logs expire after 90 days), which cannot log its own access.
    /// </summary>
    public IBucket? AccessLogsBucket { get; set; }

    /// <summary>
    /// S3 Object Lock on the static-assets, uploads and task payload buckets, with this default retention on the
    /// uploads and payload buckets: until it ends no object version can be deleted or overwritten
    /// (<c>ObjectLockRetention.Governance</c> lets principals with <c>s3:BypassGovernanceRetention</c> do so,
    /// <c>Compliance</c> nobody, not even the account's root user). CDK's <c>ObjectLockRetention</c> takes whole days
    /// from 1 day to 100 years. The static-assets bucket gets Object Lock without a default retention: every deployment
    /// rewrites and prunes the static files, so a retention would protect nothing the source does not keep. A created
    /// access-log bucket gets none, since S3 does not deliver access logs to a bucket with Object Lock. With a default
    /// retention S3 accepts an upload only with a checksum (the AWS SDKs send one; a presigned upload URL must carry
    /// <c>Content-MD5</c> or an <c>x-amz-checksum-*</c> header), and deleting an object adds a delete marker while the
    /// locked version stays until its retention ends. No charge of its own; locked versions are stored, and billed,
    /// until their retention ends. Object Lock cannot be turned off again. Default: none.
    /// </summary>
    public ObjectLockRetention? ObjectLockRetention { get; set; }
}
