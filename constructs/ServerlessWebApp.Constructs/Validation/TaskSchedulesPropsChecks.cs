using Serverless.WebApp.Constructs.Tasks;
using static Serverless.WebApp.Constructs.Validation.ValueRules;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The props of the <see cref="TaskSchedules"/> sub-construct.</summary>
internal static class TaskSchedulesPropsChecks
{
    private const string Owner = nameof(TaskSchedulesProps);

    public static void Check(Findings findings, TaskSchedulesProps props)
    {
        Required(findings, props.Alias, $"{Owner}.{nameof(props.Alias)}", "the live alias that runs scheduled tasks");
        TargetRetry(findings, props.RetryAttempts, props.MaxEventAge, Owner);
        KeyRules.Check(findings, props.EncryptionKey, $"{Owner}.{nameof(props.EncryptionKey)}");
        if (Required(findings, props.Schedules, $"{Owner}.{nameof(props.Schedules)}", "a list of ScheduledTask (may be empty)"))
            ScheduleListChecks.Check(findings, props.Schedules, $"{Owner}.{nameof(props.Schedules)}");
    }
}
