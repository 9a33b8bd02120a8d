using System.Text.RegularExpressions;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// The names the construct passes to the runtime, with the same rules as the runtime's task, command and event-source
/// registries, so anything the app can map can be scheduled, printed as a command line or wired as an event source.
/// </summary>
internal static partial class NameRules
{
    public const string TaskNameRule = "1–80 letters, digits, '.', '_' or '-'";
    public const string CommandNameRule = "1–64 letters, digits, '.', '_', ':' or '-'";
    public const string ScheduleNameRule = "1–64 letters, digits, '.', '_' or '-'";
    public const string EventSourceNameRule = "1–64 letters, digits, '.', '_' or '-'";

    public static bool IsTaskName(string? name) => name is not null && TaskName().IsMatch(name);

    public static bool IsCommandName(string? name) => name is not null && CommandName().IsMatch(name);

    public static bool IsScheduleName(string? name) => name is not null && ScheduleName().IsMatch(name);

    public static bool IsEventSourceName(string? name) => name is not null && EventSourceName().IsMatch(name);

    [GeneratedRegex(SwaNames.TaskNamePattern)]
    private static partial Regex TaskName();

    [GeneratedRegex(SwaNames.CommandNamePattern)]
    private static partial Regex CommandName();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ScheduleName();

    [GeneratedRegex(SwaNames.EventSourceNamePattern)]
    private static partial Regex EventSourceName();
}
