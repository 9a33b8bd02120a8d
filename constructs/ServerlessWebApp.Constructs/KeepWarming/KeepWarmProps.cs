using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.KeepWarming;

/// <summary>Inputs of <see cref="KeepWarm"/>: the scheduled ping that keeps the web function's execution environment warm.</summary>
public sealed class KeepWarmProps
{
    /// <summary>The web function's <c>live</c> alias the ping is sent to. Default: none, required.</summary>
    public required IAlias Alias { get; init; }

    /// <summary>How often to ping, in whole minutes (1–60; Lambda reclaims idle environments after minutes, so a slower ping keeps nothing warm). Default: 5 minutes.</summary>
    public Duration? Rate { get; init; }

    /// <summary>Retries of a ping EventBridge could not deliver (0–185). Default: 2.</summary>
    public int? RetryAttempts { get; init; }

    /// <summary>Oldest a ping may be and still be retried (60 seconds – 24 hours); an older ping is stale and goes to the dead-letter queue. Default: 60 seconds.</summary>
    public Duration? MaxEventAge { get; init; }

    /// <summary>
    /// Queue for pings that could not be delivered. It must accept messages from EventBridge (SSE-SQS, not a KMS key
    /// without a key policy). A queue of this app gets the two cdk-nag acknowledgements a target dead-letter queue needs
    /// (merged with any it has). Default: none, an encrypted TLS-only queue is created.
    /// </summary>
    public IQueue? DeadLetterQueue { get; init; }

    /// <summary>
    /// Customer-managed key of the dead-letter queue created when <see cref="DeadLetterQueue"/> is not given; its key
    /// policy must let <c>events.amazonaws.com</c> use <c>kms:GenerateDataKey</c> and <c>kms:Decrypt</c>. Default: none,
    /// SSE-SQS (EventBridge needs no key policy for it). A symmetric encryption key, not an alias (a synth error otherwise).
    /// </summary>
    public Amazon.CDK.AWS.KMS.IKey? EncryptionKey { get; init; }

    /// <summary>Whether the rule is enabled; false deploys it disabled so it can be switched on without a resource change. Default: true.</summary>
    public bool? Enabled { get; init; }
}
