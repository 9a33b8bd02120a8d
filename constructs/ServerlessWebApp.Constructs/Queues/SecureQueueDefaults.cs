using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.Queues;

/// <summary>Pure default factory for every dead-letter queue of the app: the functions', the task queue's, and the keep-warm and schedule targets'.</summary>
internal static class SecureQueueDefaults
{
    /// <summary>
    /// An encrypted (SSE-SQS, or the given customer-managed key), TLS-only queue that keeps messages 14 days.
    /// EventBridge and EventBridge Scheduler can deliver to SSE-SQS queues without any key policy, which is why the
    /// control-event dead-letter queues never take a key.
    /// </summary>
    public static QueueProps DeadLetterQueue(IKey? encryptionKey = null) => new()
    {
        Encryption = encryptionKey is null ? QueueEncryption.SQS_MANAGED : QueueEncryption.KMS,
        EncryptionMasterKey = encryptionKey,
        EnforceSSL = true,
        RetentionPeriod = DeadLetterRetentionPeriod(),
    };

    /// <summary>Retention of dead-lettered messages: SQS's longest, so a failure can be inspected for two weeks.</summary>
    public static Duration DeadLetterRetentionPeriod() => Durations.Days(14);
}
