using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The alarms that roll a release back (<see cref="ServerlessWebAppDeploymentProps.Alarms"/>). They watch the NEW
/// version only (the <c>ExecutedVersion</c> of the <c>live</c> alias), except the API's 5xx rate, which API Gateway
/// measures per stage. Each is on by default when <see cref="ServerlessWebAppDeploymentProps.Traffic"/> is canary or
/// linear, and off for all at once. Cost: each alarm is a standard CloudWatch alarm, $0.10 a month per metric it
/// watches (list price; the 5xx rate watches two metrics: $0.20), whether or not a release is under way.
/// </summary>
public sealed class ServerlessWebAppDeploymentAlarmsProps
{
    /// <summary>Roll back when the new version of the web function or the worker reports errors. Default: on when gradual.</summary>
    public bool? Errors { get; set; }

    /// <summary>Errors of the new version in one minute that roll back, 1 or more. Default: 1.</summary>
    public double? ErrorThreshold { get; set; }

    /// <summary>Roll back when the new version of the web function or the worker is throttled. Default: on when gradual.</summary>
    public bool? Throttles { get; set; }

    /// <summary>Throttled invocations of the new version in one minute that roll back, 1 or more. Default: 1.</summary>
    public double? ThrottleThreshold { get; set; }

    /// <summary>Roll back when the front door's share of 5xx responses rises (HTTP API, REST API or function URL). Default: on when gradual and there is a front door.</summary>
    public bool? ServerErrorRate { get; set; }

    /// <summary>Percentage of 5xx responses in one minute that rolls back, above 0 and at most 100. Default: 5 (percent).</summary>
    public double? ServerErrorRateThreshold { get; set; }

    /// <summary>Roll back when the web function's new version gets slow (p99 duration over two consecutive minutes). Default: on when gradual.</summary>
    public bool? LatencyP99 { get; set; }

    /// <summary>The p99 duration of the web function's new version that rolls back, 1 ms or more and less than its timeout. Default: 5 seconds (or the timeout's 80 % when that is less).</summary>
    public Duration? LatencyP99Threshold { get; set; }

    /// <summary>Further alarms of your own that roll a release back (e.g. a business metric). Default: none.</summary>
    public IReadOnlyList<IAlarm>? Additional { get; set; }
}
