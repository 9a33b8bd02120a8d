using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.Control;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>A list of <see cref="ScheduledTask"/>, wherever it is given; errors name each entry as <c>{list}[i] ('name')</c>.</summary>
internal static partial class ScheduleListChecks
{
    /// <summary>The most characters EventBridge Scheduler accepts as a target's input.</summary>
    public const int MaxEventInputLength = 8192;

    public static void Check(Findings findings, IReadOnlyList<ScheduledTask> schedules, string listName)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schedules.Count; i++)
        {
            var schedule = schedules[i];
            var at = $"{listName}[{i}]";
            if (!ValueRules.Required(findings, schedule, at, "a ScheduledTask")) continue;
            if (!NameRules.IsScheduleName(schedule.Name))
                findings.Error($"{at}.{nameof(schedule.Name)}", $"'{schedule.Name}' must be {NameRules.ScheduleNameRule}");
            at = $"{at} ('{schedule.Name}')";
            if (schedule.Name is not null && !seen.TryAdd(schedule.Name, i))
                findings.Error($"{at}.{nameof(schedule.Name)}", $"is a duplicate of {listName}[{seen[schedule.Name]}]: schedule names must be unique");
            if (ScheduleExpressionRules.Problem(schedule.Expression) is { } problem)
                findings.Error($"{at}.{nameof(schedule.Expression)}", $"'{schedule.Expression}' {problem}. Allowed forms: {ScheduleExpressionRules.AllowedForms}");
            var taskIsValid = NameRules.IsTaskName(schedule.Task);
            if (!taskIsValid)
                findings.Error($"{at}.{nameof(schedule.Task)}", $"'{schedule.Task}' must be {NameRules.TaskNameRule}, as MapTask accepts");
            var payloadIsValid = schedule.PayloadJson is null || IsJson(findings, schedule.PayloadJson, $"{at}.{nameof(schedule.PayloadJson)}");
            if (schedule.TimeZone is not null && !TimeZone().IsMatch(schedule.TimeZone))
                findings.Error($"{at}.{nameof(schedule.TimeZone)}", $"'{schedule.TimeZone}' must be an IANA time zone name such as UTC or Europe/Paris");
            if (!taskIsValid || !payloadIsValid || schedule.Name is null) continue;
            var input = ControlEventInput.ScheduledTask(schedule.Task, schedule.PayloadJson, schedule.Name);
            if (input.Length > MaxEventInputLength)
                findings.Error($"{at}.{nameof(schedule.PayloadJson)}", $"makes the event input {input.Length} characters; EventBridge Scheduler accepts at most " +
                    $"{MaxEventInputLength}. Pass a reference (a key or an id) instead of the data");
        }
    }

    private static bool IsJson(Findings findings, string json, string property)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException exception)
        {
            findings.Error(property, $"is not valid JSON ({exception.Message}); give a JSON value such as {{\"size\": 3}}, \"text\", 42 or null");
            return false;
        }
    }

    [GeneratedRegex(@"^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$")]
    private static partial Regex TimeZone();
}
