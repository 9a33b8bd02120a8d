using Serverless.WebApp.Contract;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// Every synth-time check of the task, keep-warm, schedule and command props, in one place. Each error names the
/// property and the allowed values.
/// </summary>
internal static partial class TasksValidation
{
    public const int MaxEventInputLength = 8192;

    public static void Validate(TaskQueueProps props)
    {
        const string owner = nameof(TaskQueueProps);
        Require(props, owner);
        Require(props.WorkerAlias, $"{owner}.{nameof(props.WorkerAlias)}", "the worker function's live alias");
        Require(props.WorkerTimeout, $"{owner}.{nameof(props.WorkerTimeout)}", "the worker function's timeout");
        var workerTimeout = Seconds(props.WorkerTimeout, $"{owner}.{nameof(props.WorkerTimeout)}");
        InRange(workerTimeout, 1, 900, $"{owner}.{nameof(props.WorkerTimeout)}", "seconds (Lambda's limit is 900 s)");
        InRange(props.MaxReceiveCount, 1, 1000, $"{owner}.{nameof(props.MaxReceiveCount)}");
        InRange(props.BatchSize, 1, 10000, $"{owner}.{nameof(props.BatchSize)}");
        InRange(props.MaxConcurrency, 2, 1000, $"{owner}.{nameof(props.MaxConcurrency)}");
        var window = props.MaxBatchingWindow is null ? 0 : Seconds(props.MaxBatchingWindow, $"{owner}.{nameof(props.MaxBatchingWindow)}");
        InRange(window, 0, 300, $"{owner}.{nameof(props.MaxBatchingWindow)}", "seconds");
        if (props.BatchSize > 10 && window < 1)
            Fail($"{owner}.{nameof(props.BatchSize)} above 10 (got {props.BatchSize}) needs {owner}.{nameof(props.MaxBatchingWindow)} " +
                 "of at least 1 second: set a batching window or use a batch size of 1–10.");
        if (props.RetentionPeriod is not null)
            InRange(Seconds(props.RetentionPeriod, $"{owner}.{nameof(props.RetentionPeriod)}"), 60, 14 * 86400,
                $"{owner}.{nameof(props.RetentionPeriod)}", "seconds (60 seconds to 14 days)");
        if (props.VisibilityTimeout is not null)
        {
            var name = $"{owner}.{nameof(props.VisibilityTimeout)}";
            var visibility = Seconds(props.VisibilityTimeout, name);
            if (visibility < 6 * workerTimeout)
                Fail($"{name} must be at least 6 × {owner}.{nameof(props.WorkerTimeout)} = {6 * workerTimeout} s (got {visibility} s), " +
                     "so a batch Lambda is still retrying is never delivered to a second worker; leave it unset for the default.");
            InRange(visibility, 0, TaskQueueDefaults.MaxVisibilityTimeoutSeconds, name, "seconds (SQS allows at most 12 hours)");
        }
        var payloadBucket = props.PayloadBucket ?? false;
        if (!payloadBucket && props.PayloadRetention is not null)
            Fail($"{owner}.{nameof(props.PayloadRetention)} needs {owner}.{nameof(props.PayloadBucket)} = true.");
        if (!payloadBucket && props.AccessLogsBucket is not null)
            Fail($"{owner}.{nameof(props.AccessLogsBucket)} needs {owner}.{nameof(props.PayloadBucket)} = true (it logs access to the payload bucket).");
        if (props.PayloadRetention is not null)
        {
            var name = $"{owner}.{nameof(props.PayloadRetention)}";
            var days = props.PayloadRetention.ToHours() / 24.0;
            if (days != Math.Floor(days)) Fail($"{name} must be whole days (got {props.PayloadRetention.ToHumanString()}).");
            InRange((int)days, 14, 3650, name, "days (at least the dead-letter queue's 14 days, so a dead-lettered task keeps its payload)");
        }
        if (!(props.StatusTable ?? true) && props.StatusTableRemovalPolicy is not null)
            Fail($"{owner}.{nameof(props.StatusTableRemovalPolicy)} needs {owner}.{nameof(props.StatusTable)} = true.");
    }

    public static void Validate(KeepWarmProps props)
    {
        const string owner = nameof(KeepWarmProps);
        Require(props, owner);
        Require(props.Alias, $"{owner}.{nameof(props.Alias)}", "the web function's live alias");
        if (props.Rate is not null)
        {
            var name = $"{owner}.{nameof(props.Rate)}";
            var seconds = Seconds(props.Rate, name);
            if (seconds % 60 != 0) Fail($"{name} must be whole minutes (got {seconds} s).");
            InRange(seconds / 60, 1, 60, name, "minutes");
        }
        ValidateRetry(props.RetryAttempts, props.MaxEventAge, owner);
    }

    public static void Validate(TaskSchedulesProps props)
    {
        const string owner = nameof(TaskSchedulesProps);
        Require(props, owner);
        Require(props.Alias, $"{owner}.{nameof(props.Alias)}", "the live alias that runs scheduled tasks");
        Require(props.Schedules, $"{owner}.{nameof(props.Schedules)}", "a list of ScheduledTask (may be empty)");
        ValidateRetry(props.RetryAttempts, props.MaxEventAge, owner);
        ValidateSchedules(props.Schedules, $"{owner}.{nameof(props.Schedules)}");
    }

    /// <summary>Checks a schedule list; errors name each entry as <c>{listName}[i]</c>.</summary>
    public static void ValidateSchedules(IReadOnlyList<ScheduledTask> schedules, string listName)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schedules.Count; i++)
        {
            var schedule = schedules[i];
            var at = $"{listName}[{i}]";
            Require(schedule, at, "a ScheduledTask");
            if (schedule.Name is null || !ScheduleNameRegex().IsMatch(schedule.Name))
            {
                Fail($"{at}.{nameof(schedule.Name)} '{schedule.Name}' must be 1–64 letters, digits, '.', '_' or '-'.");
            }
            at = $"{at} ('{schedule.Name}')";
            if (!seen.TryAdd(schedule.Name, i))
                Fail($"{at}.{nameof(schedule.Name)} is a duplicate of {listName}[{seen[schedule.Name]}]: schedule names must be unique.");
            var problem = ScheduleExpressionRules.Problem(schedule.Expression);
            if (problem is not null)
                Fail($"{at}.{nameof(schedule.Expression)} '{schedule.Expression}' {problem}. Allowed forms: {ScheduleExpressionRules.AllowedForms}.");
            if (schedule.Task is null || !TaskNameRegex().IsMatch(schedule.Task))
                Fail($"{at}.{nameof(schedule.Task)} '{schedule.Task}' must be {TaskNameRule}, as MapTask accepts.");
            if (schedule.PayloadJson is not null && !IsJson(schedule.PayloadJson, out var error))
                Fail($"{at}.{nameof(schedule.PayloadJson)} is not valid JSON ({error}); give a JSON value such as {{\"size\": 3}}, \"text\", 42 or null.");
            if (schedule.TimeZone is not null && !TimeZoneRegex().IsMatch(schedule.TimeZone))
                Fail($"{at}.{nameof(schedule.TimeZone)} '{schedule.TimeZone}' must be an IANA time zone name such as UTC or Europe/Paris.");
            var input = ControlEventInput.ScheduledTask(schedule.Task, schedule.PayloadJson, schedule.Name);
            if (input.Length > MaxEventInputLength)
                Fail($"{at}.{nameof(schedule.PayloadJson)} makes the event input {input.Length} characters; EventBridge Scheduler accepts at most " +
                     $"{MaxEventInputLength}. Pass a reference (a key or an id) instead of the data.");
        }
    }

    public static void Validate(ManagementCommandProps props)
    {
        const string owner = nameof(ManagementCommandProps);
        Require(props, owner);
        Require(props.Alias, $"{owner}.{nameof(props.Alias)}", "the live alias that runs management commands");
        if (props.Command is not null && !CommandNameRegex().IsMatch(props.Command))
            Fail($"{owner}.{nameof(props.Command)} '{props.Command}' must be {CommandNameRule}, as MapCommand accepts.");
        if (props.Args is not null && props.Args.Any(arg => arg is null))
            Fail($"{owner}.{nameof(props.Args)} must not contain null; pass an empty string for an empty argument.");
        if (props.OutputFile is not null && !OutputFileRegex().IsMatch(props.OutputFile))
            Fail($"{owner}.{nameof(props.OutputFile)} '{props.OutputFile}' must be a file path of letters, digits, '.', '_', '-' or '/'.");
    }

    // The same rules as the runtime's TaskRegistry and CommandRegistry, so anything the app can map can be scheduled.
    private const string TaskNameRule = "1–80 letters, digits, '.', '_' or '-'";
    internal const string CommandNameRule = "1–64 letters, digits, '.', '_', ':' or '-'";

    /// <summary>Whether <paramref name="name"/> is a command name MapCommand accepts.</summary>
    public static bool IsCommandName(string? name) => name is not null && CommandNameRegex().IsMatch(name);

    private static void ValidateRetry(int? retryAttempts, Duration? maxEventAge, string owner)
    {
        InRange(retryAttempts, 0, 185, $"{owner}.RetryAttempts");
        if (maxEventAge is not null)
            InRange(Seconds(maxEventAge, $"{owner}.MaxEventAge"), 60, 86400, $"{owner}.MaxEventAge", "seconds (60 seconds to 24 hours)");
    }

    private static bool IsJson(string json, out string error)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            error = "";
            return true;
        }
        catch (JsonException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    private static int Seconds(Duration duration, string name)
    {
        var milliseconds = duration.ToMilliseconds();
        if (milliseconds % 1000 != 0) Fail($"{name} must be whole seconds (got {milliseconds} ms).");
        return (int)Math.Min(milliseconds / 1000, int.MaxValue);
    }

    private static void InRange(int? value, int min, int max, string name, string unit = "")
    {
        if (value is null || (value >= min && value <= max)) return;
        var suffix = unit.Length == 0 ? "" : " " + unit;
        Fail($"{name} must be {min}–{max}{suffix} (got {value}).");
    }

    private static void Require([NotNull] object? value, string name, string? what = null)
    {
        if (value is null) Fail(what is null ? $"{name} is required." : $"{name} is required: {what}.");
    }

    [DoesNotReturn]
    private static void Fail(string message) => throw new ArgumentException(message);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ScheduleNameRegex();

    [GeneratedRegex(SwaNames.TaskNamePattern)]
    private static partial Regex TaskNameRegex();

    [GeneratedRegex(SwaNames.CommandNamePattern)]
    private static partial Regex CommandNameRegex();

    [GeneratedRegex(@"^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$")]
    private static partial Regex TimeZoneRegex();

    [GeneratedRegex(@"^[A-Za-z0-9._/-]{1,255}$")]
    private static partial Regex OutputFileRegex();
}
