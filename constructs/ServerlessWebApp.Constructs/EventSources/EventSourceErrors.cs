using Amazon.CDK;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Collects the event sources' errors so a synth reports all of them at once.</summary>
internal sealed class EventSourceErrors
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> All => _errors;

    public void Fail(string property, string message) => _errors.Add($"{property} {message}");

    public void InRange(double? value, double min, double max, string property, string unit = "")
    {
        if (value is { } v && (v < min || v > max || v % 1 != 0))
            Fail(property, $"is {v}; allowed: whole numbers from {min} to {max}{unit}");
    }

    public void InRange(Duration? value, double minSeconds, double maxSeconds, string property)
    {
        if (value is null) return;
        var ms = value.ToMilliseconds();
        if (ms % 1000 != 0 || ms / 1000 < minSeconds || ms / 1000 > maxSeconds)
            Fail(property, $"is {value.ToHumanString()}; allowed: whole seconds from {minSeconds} to {maxSeconds}");
    }
}
