using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Inputs of <see cref="TaskSchedules"/>: EventBridge Scheduler schedules that run tasks.</summary>
public sealed class TaskSchedulesProps
{
    /// <summary>
    /// The <c>live</c> alias that runs scheduled tasks (usually the worker's, whose timeout fits long tasks). All
    /// schedules invoke it through one execution role, so its resource policy does not grow with the schedule count.
    /// Default: none, required.
    /// </summary>
    public required IAlias Alias { get; init; }

    /// <summary>The schedules; names unique. An empty list creates nothing. Default: none, required.</summary>
    public required IReadOnlyList<ScheduledTask> Schedules { get; init; }

    /// <summary>Retries of an invocation the Scheduler could not deliver (0–185). Default: 185, the service maximum, so a throttled run is not dropped.</summary>
    public int? RetryAttempts { get; init; }

    /// <summary>Oldest an undelivered run may be and still be retried (60 seconds – 24 hours), after which it goes to the dead-letter queue. Default: 24 hours.</summary>
    public Duration? MaxEventAge { get; init; }

    /// <summary>
    /// Queue for runs that could not be delivered; the execution role is granted SendMessage on it. A queue of this app
    /// gets the two cdk-nag acknowledgements a target dead-letter queue needs (merged with any it has).
    /// Default: none, an encrypted TLS-only queue is created.
    /// </summary>
    public IQueue? DeadLetterQueue { get; init; }

    /// <summary>
    /// Customer-managed key of the dead-letter queue created when <see cref="DeadLetterQueue"/> is not given; the
    /// execution role is granted <c>kms:GenerateDataKey</c> and <c>kms:Decrypt</c> on it. A symmetric encryption key, not an
    /// alias (a synth error otherwise). Default: none, SSE-SQS.
    /// </summary>
    public Amazon.CDK.AWS.KMS.IKey? EncryptionKey { get; init; }

    /// <summary>
    /// Execution role the Scheduler assumes, for organisations that supply roles. It needs lambda:InvokeFunction on
    /// the alias and sqs:SendMessage on the dead-letter queue (added when the role is mutable). Default: none, one
    /// role trusted by scheduler.amazonaws.com for this account only is created.
    /// </summary>
    public IRole? Role { get; init; }
}
