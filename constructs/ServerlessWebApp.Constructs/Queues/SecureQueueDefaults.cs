using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.Queues;

/// <summary>Pure default factory for every dead-letter queue of the app: the functions', the task queue's, and the keep-warm and schedule targets'.</summary>
internal static class SecureQueueDefaults
{
    /// <summary>
    /// An encrypted (SSE-SQS, or the given customer-managed key), TLS-only queue that keeps messages 14 days and says
    /// it is a dead-letter queue with a redrive allow policy.
    /// </summary>
    /// <remarks>
    /// AWS Control Tower (CT.SQS.PR.1) asks every queue for a redrive policy, and recognises a dead-letter queue by a
    /// <c>RedriveAllowPolicy</c> of <c>allowAll</c> or <c>byQueue</c>. <c>allowAll</c> is what SQS does without any
    /// policy, so it loosens nothing. <c>byQueue</c> would name the source queue, but the task queue's redrive policy
    /// already refers to its dead-letter queue, and CloudFormation cannot resolve the two references both ways (a
    /// dependency cycle) unless the task queue had a fixed name, and renaming a deployed queue replaces it, with the
    /// tasks in it. The other dead-letter queues receive from Lambda, EventBridge and Scheduler, not from queues.
    /// </remarks>
    public static QueueProps DeadLetterQueue(IKey? encryptionKey = null) => new()
    {
        Encryption = encryptionKey is null ? QueueEncryption.SQS_MANAGED : QueueEncryption.KMS,
        EncryptionMasterKey = encryptionKey,
        EnforceSSL = true,
        RetentionPeriod = DeadLetterRetentionPeriod(),
        RedriveAllowPolicy = new RedriveAllowPolicy { RedrivePermission = RedrivePermission.ALLOW_ALL },
    };

    /// <summary>Retention of dead-lettered messages: SQS's longest, so a failure can be inspected for two weeks.</summary>
    public static Duration DeadLetterRetentionPeriod() => Durations.Days(14);
}
