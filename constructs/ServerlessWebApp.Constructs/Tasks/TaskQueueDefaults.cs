using Amazon.CDK;

namespace ServerlessWebApp.Constructs.Tasks;

/// <summary>Pure default factories for <see cref="TaskQueueProps"/>; one place that says what an unset property means.</summary>
public static class TaskQueueDefaults
{
    /// <summary>Receives before a message is dead-lettered.</summary>
    public const int MaxReceiveCount = 3;

    /// <summary>Messages per worker invocation.</summary>
    public const int BatchSize = 10;

    /// <summary>SQS's longest visibility timeout, 12 hours.</summary>
    public const int MaxVisibilityTimeoutSeconds = 12 * 60 * 60;

    /// <summary>Retention of unprocessed tasks: SQS's own default.</summary>
    public static Duration RetentionPeriod() => Duration.Days(4);

    /// <summary>Retention of dead-lettered tasks: SQS's longest, so a failure can be inspected for two weeks.</summary>
    public static Duration DeadLetterRetentionPeriod() => Duration.Days(14);

    /// <summary>Lifetime of large payload objects: as long as a dead-lettered message that may point at them.</summary>
    public static Duration PayloadRetention() => Duration.Days(14);

    /// <summary>
    /// Six times the worker's timeout plus the batching window (AWS's guidance for SQS event sources, so a batch
    /// being retried by Lambda is never handed to a second worker), capped at SQS's 12-hour maximum.
    /// </summary>
    public static Duration VisibilityTimeout(Duration workerTimeout, Duration? maxBatchingWindow)
    {
        var seconds = 6 * workerTimeout.ToSeconds() + (maxBatchingWindow?.ToSeconds() ?? 0);
        return Duration.Seconds(Math.Min(seconds, MaxVisibilityTimeoutSeconds));
    }
}
