using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Checks EventBridge Scheduler expressions before deploy, so a typo fails synth with a reason instead of failing a
/// CloudFormation update minutes later. Pure: returns the problem, or null when the expression is valid.
/// </summary>
internal static partial class ScheduleExpressionRules
{
    public const string AllowedForms =
        "rate(1 minute|N minutes|1 hour|N hours|1 day|N days), " +
        "cron(minutes hours day-of-month month day-of-week year) with '?' in one of the two day fields, e.g. cron(0 2 * * ? *), " +
        "or at(yyyy-mm-ddThh:mm:ss)";

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private sealed record Field(string Name, int Min, int Max, string[]? Names = null);

    private static readonly Field[] CronFields =
    [
        new("minutes", 0, 59),
        new("hours", 0, 23),
        new("day-of-month", 1, 31),
        new("month", 1, 12, Months),
        new("day-of-week", 1, 7, Days),
        new("year", 1970, 2199),
    ];

    public static string? Problem(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return "is empty";
        var match = FormRegex().Match(expression);
        if (!match.Success) return "is not a rate(...), cron(...) or at(...) expression";
        var body = match.Groups["body"].Value;
        return match.Groups["form"].Value switch
        {
            "rate" => RateProblem(body),
            "cron" => CronProblem(body),
            _ => AtProblem(body),
        };
    }

    private static string? RateProblem(string body)
    {
        var match = RateRegex().Match(body);
        if (!match.Success) return $"must be a whole number and a unit (minute, minutes, hour, hours, day, days)";
        if (!int.TryParse(match.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            return $"has value '{match.Groups["value"].Value}': it must be a whole number of at least 1";
        var unit = match.Groups["unit"].Value;
        var plural = unit.EndsWith('s');
        if (value == 1 && plural) return $"must use the singular unit for 1: rate(1 {unit[..^1]})";
        if (value > 1 && !plural) return $"must use the plural unit above 1: rate({value} {unit}s)";
        return null;
    }

    private static string? AtProblem(string body) =>
        DateTime.TryParseExact(body, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"must be a date and time yyyy-mm-ddThh:mm:ss, e.g. at(2030-01-31T09:30:00)";

    private static string? CronProblem(string body)
    {
        var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != CronFields.Length)
            return $"cron has {parts.Length} field(s); it needs 6: minutes hours day-of-month month day-of-week year";
        for (var i = 0; i < parts.Length; i++)
        {
            var problem = CronFieldProblem(CronFields[i], parts[i], i);
            if (problem is not null) return $"cron {CronFields[i].Name} field '{parts[i]}' {problem}";
        }
        var dayOfMonthIsAny = parts[2] == "?";
        var dayOfWeekIsAny = parts[4] == "?";
        if (dayOfMonthIsAny == dayOfWeekIsAny)
            return "cron needs '?' in exactly one of day-of-month and day-of-week (they cannot both be set or both be '?')";
        return null;
    }

    private static string? CronFieldProblem(Field field, string text, int index)
    {
        var isDayOfMonth = index == 2;
        var isDayOfWeek = index == 4;
        if (text == "?") return isDayOfMonth || isDayOfWeek ? null : "cannot be '?' (only day-of-month or day-of-week can)";
        if (text == "*") return null;
        if (isDayOfMonth && text is "L" or "LW") return null;
        if (isDayOfWeek && text == "L") return null;
        foreach (var item in text.Split(','))
        {
            var problem = ItemProblem(field, item, isDayOfMonth, isDayOfWeek);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? ItemProblem(Field field, string item, bool isDayOfMonth, bool isDayOfWeek)
    {
        if (isDayOfMonth && item.EndsWith('W') && item.Length > 1) return ValueProblem(field, item[..^1]);
        if (isDayOfWeek && item.EndsWith('L') && item.Length > 1) return ValueProblem(field, item[..^1]);
        if (isDayOfWeek && item.Contains('#'))
        {
            var hash = item.Split('#');
            if (hash.Length != 2 || !int.TryParse(hash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) || nth is < 1 or > 5)
                return $"has '{item}': day#n needs n from 1 to 5";
            return ValueProblem(field, hash[0]);
        }
        var slash = item.Split('/');
        if (slash.Length > 2) return $"has '{item}' with more than one '/'";
        if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1))
            return $"has step '{slash[1]}': a step must be a whole number of at least 1";
        var range = slash[0];
        if (range == "*") return slash.Length == 2 ? null : "mixes '*' with other values";
        var bounds = range.Split('-');
        if (bounds.Length > 2) return $"has '{item}' with more than one '-'";
        foreach (var bound in bounds)
        {
            var problem = ValueProblem(field, bound);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? ValueProblem(Field field, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= field.Min && number <= field.Max ? null : $"has {number}, outside {field.Min}-{field.Max}";
        if (field.Names is not null && field.Names.Contains(value.ToUpperInvariant())) return null;
        var names = field.Names is null ? "" : $" or {field.Names[0]}-{field.Names[^1]}";
        return $"has '{value}', not a value in {field.Min}-{field.Max}{names}";
    }

    [GeneratedRegex(@"^(?<form>rate|cron|at)\((?<body>[^()]*)\)$")]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"^\s*(?<value>\S+)\s+(?<unit>minute|minutes|hour|hours|day|days)\s*$")]
    private static partial Regex RateRegex();
}
