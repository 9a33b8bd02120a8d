using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>Checks shared by the sub-constructs' props: required values, whole seconds and ranges, worded one way.</summary>
internal static class ValueRules
{
    /// <summary>Records "<paramref name="property"/> is required: <paramref name="what"/>" when the value is missing; returns whether it is there.</summary>
    public static bool Required(Findings findings, object? value, string property, string what)
    {
        if (value is not null) return true;
        findings.Error(property, $"is required: {what}");
        return false;
    }

    /// <summary>The duration in whole seconds, or null (with an error) when it has a fraction of a second.</summary>
    public static int? WholeSeconds(Findings findings, Duration? duration, string property)
    {
        if (duration is null) return null;
        var milliseconds = duration.ToMilliseconds();
        if (milliseconds % 1000 == 0) return (int)Math.Min(milliseconds / 1000, int.MaxValue);
        findings.Error(property, $"must be whole seconds (got {milliseconds} ms)");
        return null;
    }

    /// <summary>Records "<paramref name="property"/> must be min–max unit (got value)" when a value is outside the range.</summary>
    public static void InRange(Findings findings, int? value, int min, int max, string property, string unit = "")
    {
        if (value is null || (value >= min && value <= max)) return;
        var suffix = unit.Length == 0 ? "" : " " + unit;
        findings.Error(property, $"must be {min}–{max}{suffix} (got {value})");
    }

    /// <summary>An EventBridge target's retries (0–185) and event age (60 seconds to 24 hours), as keep-warm and schedules take them.</summary>
    public static void TargetRetry(Findings findings, int? retryAttempts, Duration? maxEventAge, string owner)
    {
        InRange(findings, retryAttempts, 0, 185, $"{owner}.RetryAttempts");
        InRange(findings, WholeSeconds(findings, maxEventAge, $"{owner}.MaxEventAge"), 60, 86400, $"{owner}.MaxEventAge", "seconds (60 seconds to 24 hours)");
    }

    /// <summary>Records "<paramref name="property"/> is too low" for an alarm threshold (a count) below 1.</summary>
    public static void AtLeastOne(Findings findings, double? value, string property)
    {
        if (value is < 1) findings.Error(property, $"{value} is too low; allowed: 1 or more");
    }

    /// <summary>Records an error for a percentage that is not above 0 and at most 100.</summary>
    public static void Percentage(Findings findings, double? value, string property)
    {
        if (value is { } percent && (percent <= 0 || percent > 100))
            findings.Error(property, $"{percent} is out of range; allowed: a percentage above 0 and at most 100");
    }
}
