using Amazon.CDK;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The keep-warm ping of a <see cref="ServerlessWebApp"/> (<see cref="ServerlessWebAppProps.KeepWarm"/>): an EventBridge
/// rule that sends <c>{"serverlessWebApp":{"kind":"keep-warm"}}</c> to the web function's <c>live</c> alias, which the
/// runtime answers without entering the app. Every property is optional.
/// </summary>
public sealed class ServerlessWebAppKeepWarmProps
{
    /// <summary>Whether the ping is created at all. Default: true (free: scheduled rules cost nothing, the pings stay in Lambda's free tier).</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Interval of the ping, whole minutes from 1 to 60 (Lambda reclaims idle environments within minutes, so a slower
    /// ping keeps nothing warm). Only when <see cref="Enabled"/> is not false. Default: 5 minutes.
    /// </summary>
    public Duration? Rate { get; set; }
}
