using Amazon.CDK;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// How a release moves the <c>live</c> aliases to a new version (<see cref="ServerlessWebAppDeploymentProps.Traffic"/>).
/// Create one with <see cref="AllAtOnce"/>, <see cref="Canary"/> or <see cref="Linear"/>.
/// </summary>
public sealed class TrafficShift
{
    private TrafficShift(TrafficShiftKind kind, int percentage, Duration? interval)
    {
        Kind = kind;
        Percentage = percentage;
        Interval = interval;
    }

    /// <summary>Which kind of shift this is.</summary>
    public TrafficShiftKind Kind { get; }

    /// <summary>The share of requests (percent) of the canary step, or of each linear step; 100 for all at once.</summary>
    public int Percentage { get; }

    /// <summary>How long the canary step, or each linear step, lasts; null for all at once.</summary>
    public Duration? Interval { get; }

    /// <summary>Whether traffic moves in steps, watched by the deployment alarms (canary or linear).</summary>
    public bool IsGradual => Kind != TrafficShiftKind.AllAtOnce;

    /// <summary>The whole alias moves at once (what a deployment without <c>Deployment</c> does).</summary>
    public static TrafficShift AllAtOnce() => new(TrafficShiftKind.AllAtOnce, 100, null);

    /// <summary>
    /// <paramref name="percentage"/> percent of the requests (1–99) go to the new version for <paramref name="interval"/>
    /// (whole minutes, 1–2880: the stack update waits for the whole release, so this construct stops at two days), then all of them, e.g. <c>TrafficShift.Canary(10, Duration.Minutes(5))</c>.
    /// </summary>
    public static TrafficShift Canary(int percentage, Duration interval) => new(TrafficShiftKind.Canary, percentage, interval);

    /// <summary>
    /// <paramref name="percentage"/> percent more of the requests (1–99) go to the new version every
    /// <paramref name="interval"/> (whole minutes, 1–2880), e.g. <c>TrafficShift.Linear(10, Duration.Minutes(1))</c>.
    /// </summary>
    public static TrafficShift Linear(int percentage, Duration interval) => new(TrafficShiftKind.Linear, percentage, interval);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TrafficShiftKind.AllAtOnce => "AllAtOnce",
        _ => $"{Kind}({Percentage}%, {Interval?.ToHumanString()})",
    };
}
