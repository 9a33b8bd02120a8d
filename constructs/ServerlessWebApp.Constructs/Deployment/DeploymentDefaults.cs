using Amazon.CDK;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Deployment;

/// <summary>Pure defaults of <c>Deployment</c> (documented on <see cref="ServerlessWebAppDeploymentProps"/> and its alarms).</summary>
internal static class DeploymentDefaults
{
    public const double DefaultErrorThreshold = 1;
    public const double DefaultThrottleThreshold = 1;
    public const double DefaultServerErrorRateThreshold = 5;
    public const int DefaultLatencyP99Milliseconds = 5000;
    public const int MaxIntervalMinutes = 2880;

    public static TrafficShift Traffic(ServerlessWebAppDeploymentProps deployment) => deployment.Traffic ?? TrafficShift.AllAtOnce();

    public static bool IsGradual(ServerlessWebAppDeploymentProps deployment) => Traffic(deployment).IsGradual;

    /// <summary>Whether releases go through CodeDeploy: a gradual shift, a hook or an alarm to watch.</summary>
    public static bool UsesCodeDeploy(ServerlessWebAppProps props) => props.Deployment is { } deployment
        && (IsGradual(deployment) || deployment.PreTraffic is not null || deployment.PostTraffic is not null
            || Errors(props) || Throttles(props) || ServerErrorRate(props) || LatencyP99(props)
            || deployment.Alarms?.Additional is { Count: > 0 });

    public static bool Errors(ServerlessWebAppProps props) => On(props, a => a.Errors);

    public static bool Throttles(ServerlessWebAppProps props) => On(props, a => a.Throttles);

    /// <summary>The 5xx rate needs a front door that counts responses: an API or a function URL.</summary>
    public static bool ServerErrorRate(ServerlessWebAppProps props) =>
        FrontDoorDefaults.Kind(props) != FrontDoorKind.None && On(props, a => a.ServerErrorRate);

    public static bool LatencyP99(ServerlessWebAppProps props) => On(props, a => a.LatencyP99);

    public static double ErrorThreshold(ServerlessWebAppDeploymentAlarmsProps? alarms) => alarms?.ErrorThreshold ?? DefaultErrorThreshold;

    public static double ThrottleThreshold(ServerlessWebAppDeploymentAlarmsProps? alarms) => alarms?.ThrottleThreshold ?? DefaultThrottleThreshold;

    public static double ServerErrorRateThreshold(ServerlessWebAppDeploymentAlarmsProps? alarms) => alarms?.ServerErrorRateThreshold ?? DefaultServerErrorRateThreshold;

    /// <summary>5 seconds, or 80 % of the web function's timeout when that is less.</summary>
    public static Duration LatencyP99Threshold(ServerlessWebAppProps props) =>
        props.Deployment?.Alarms?.LatencyP99Threshold
        ?? Duration.Millis(Math.Min(DefaultLatencyP99Milliseconds, FunctionDefaults.Timeout(props).ToMilliseconds() * 0.8));

    private static bool On(ServerlessWebAppProps props, Func<ServerlessWebAppDeploymentAlarmsProps, bool?> setting) =>
        props.Deployment is { } deployment
        && ((deployment.Alarms is { } alarms ? setting(alarms) : null) ?? IsGradual(deployment));
}
