namespace Serverless.WebApp.Constructs;

/// <summary>How a release moves traffic to the new version (<see cref="TrafficShift"/>).</summary>
public enum TrafficShiftKind
{
    /// <summary>Every request goes to the new version at once.</summary>
    AllAtOnce,
    /// <summary>A share of the requests for one interval, then all of them.</summary>
    Canary,
    /// <summary>The same share more every interval until all of them.</summary>
    Linear,
}
