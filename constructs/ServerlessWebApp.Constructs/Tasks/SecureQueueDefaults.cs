using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Pure default factory for the dead-letter queues of the task queue, keep-warm and schedule targets.</summary>
public static class SecureQueueDefaults
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
        RetentionPeriod = TaskQueueDefaults.DeadLetterRetentionPeriod(),
    };
}
