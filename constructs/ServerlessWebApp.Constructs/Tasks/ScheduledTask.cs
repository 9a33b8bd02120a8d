namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>One entry of <see cref="TaskSchedulesProps.Schedules"/>: run a task on a schedule, like Zappa's <c>events</c>.</summary>
public sealed class ScheduledTask
{
    /// <summary>
    /// Schedule name, unique in the list: 1–64 letters, digits, '.', '_' or '-'. It travels in the event input as
    /// <c>schedule</c>; it is not used as a resource name. Default: none, required.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>
    /// When to run: <c>rate(1 minute|N minutes|1 hour|N hours|1 day|N days)</c>,
    /// <c>cron(minutes hours day-of-month month day-of-week year)</c> (six fields, '?' in one of the two day fields),
    /// or <c>at(yyyy-mm-ddThh:mm:ss)</c> for a single run. Default: none, required.
    /// </summary>
    public required string Expression { get; init; }

    /// <summary>The task to run, as registered with <c>MapTask</c>: 1–80 letters, digits, '.', '_' or '-'. Default: none, required.</summary>
    public required string Task { get; init; }

    /// <summary>JSON value handed to the task as its payload (object, array, string, number...). Default: none, the payload is <c>null</c>.</summary>
    public string? PayloadJson { get; init; }

    /// <summary>IANA time zone the cron or at expression is read in, e.g. <c>Europe/Paris</c>. Default: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Whether the schedule is enabled. Default: true.</summary>
    public bool? Enabled { get; init; }
}
