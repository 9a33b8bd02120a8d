using Serverless.WebApp.Constructs.Tasks;
using static Serverless.WebApp.Constructs.Validation.ValueRules;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The props of the <see cref="TaskQueue"/> sub-construct.</summary>
internal static class TaskQueuePropsChecks
{
    private const string Owner = nameof(TaskQueueProps);

    public static void Check(Findings findings, TaskQueueProps props)
    {
        Required(findings, props.WorkerAlias, $"{Owner}.{nameof(props.WorkerAlias)}", "the worker function's live alias");
        var workerTimeout = Required(findings, props.WorkerTimeout, $"{Owner}.{nameof(props.WorkerTimeout)}", "the worker function's timeout")
            ? WholeSeconds(findings, props.WorkerTimeout, $"{Owner}.{nameof(props.WorkerTimeout)}")
            : null;
        InRange(findings, workerTimeout, 1, 900, $"{Owner}.{nameof(props.WorkerTimeout)}", "seconds (Lambda's limit is 900 s)");
        InRange(findings, props.MaxReceiveCount, 1, 1000, $"{Owner}.{nameof(props.MaxReceiveCount)}");
        InRange(findings, props.BatchSize, 1, 10000, $"{Owner}.{nameof(props.BatchSize)}");
        InRange(findings, props.MaxConcurrency, 2, 1000, $"{Owner}.{nameof(props.MaxConcurrency)}");
        var window = WholeSeconds(findings, props.MaxBatchingWindow, $"{Owner}.{nameof(props.MaxBatchingWindow)}") ?? 0;
        InRange(findings, window, 0, 300, $"{Owner}.{nameof(props.MaxBatchingWindow)}", "seconds");
        if (props.BatchSize > 10 && window < 1)
            findings.Error($"{Owner}.{nameof(props.BatchSize)}", $"above 10 (got {props.BatchSize}) needs {Owner}.{nameof(props.MaxBatchingWindow)} " +
                "of at least 1 second: set a batching window or use a batch size of 1–10");
        InRange(findings, WholeSeconds(findings, props.RetentionPeriod, $"{Owner}.{nameof(props.RetentionPeriod)}"), 60, 14 * 86400,
            $"{Owner}.{nameof(props.RetentionPeriod)}", "seconds (60 seconds to 14 days)");
        CheckVisibilityTimeout(findings, props, workerTimeout);
        KeyRules.Check(findings, props.EncryptionKey, $"{Owner}.{nameof(props.EncryptionKey)}");
        AccessLogDestinationRules.Check(findings, props.AccessLogsBucket, $"{Owner}.{nameof(props.AccessLogsBucket)}");
        CheckPayloadBucket(findings, props);
        if (!(props.StatusTable ?? true) && props.StatusTableRemovalPolicy is not null)
            findings.Error($"{Owner}.{nameof(props.StatusTableRemovalPolicy)}", $"needs {Owner}.{nameof(props.StatusTable)} = true");
    }

    private static void CheckVisibilityTimeout(Findings findings, TaskQueueProps props, int? workerTimeout)
    {
        var name = $"{Owner}.{nameof(props.VisibilityTimeout)}";
        if (WholeSeconds(findings, props.VisibilityTimeout, name) is not { } visibility) return;
        if (visibility < 6 * workerTimeout)
            findings.Error(name, $"must be at least 6 × {Owner}.{nameof(props.WorkerTimeout)} = {6 * workerTimeout} s (got {visibility} s), " +
                "so a batch Lambda is still retrying is never delivered to a second worker; leave it unset for the default");
        InRange(findings, visibility, 0, TaskQueueDefaults.MaxVisibilityTimeoutSeconds, name, "seconds (SQS allows at most 12 hours)");
    }

    private static void CheckPayloadBucket(Findings findings, TaskQueueProps props)
    {
        var payloadBucket = props.PayloadBucket ?? false;
        if (!payloadBucket && props.PayloadRetention is not null)
            findings.Error($"{Owner}.{nameof(props.PayloadRetention)}", $"needs {Owner}.{nameof(props.PayloadBucket)} = true");
        if (!payloadBucket && props.AccessLogsBucket is not null)
            findings.Error($"{Owner}.{nameof(props.AccessLogsBucket)}", $"needs {Owner}.{nameof(props.PayloadBucket)} = true (it logs access to the payload bucket)");
        if (!payloadBucket && props.PayloadObjectLock is not null)
            findings.Error($"{Owner}.{nameof(props.PayloadObjectLock)}", $"needs {Owner}.{nameof(props.PayloadBucket)} = true");
        if (props.PayloadRetention is null) return;
        var name = $"{Owner}.{nameof(props.PayloadRetention)}";
        var days = props.PayloadRetention.ToHours() / 24.0;
        if (days != Math.Floor(days)) findings.Error(name, $"must be whole days (got {props.PayloadRetention.ToHumanString()})");
        else InRange(findings, (int)days, 14, 3650, name, "days (at least the dead-letter queue's 14 days, so a dead-lettered task keeps its payload)");
    }
}
