using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Monitoring;

namespace Serverless.WebApp.Constructs.Deployment;

/// <summary>
/// The alarms that roll a release back (<c>Deployment.Alarms</c>): errors and throttles of the new version of each
/// function, the front door's 5xx rate and the web function's new version's p99 duration, over one-minute periods.
/// </summary>
internal static class ReleaseAlarms
{
    private static Duration Period => Duration.Minutes(1);

    public static IReadOnlyList<Alarm> Web(AlarmFactory alarms, ServerlessWebAppProps props, FunctionParts web, FrontDoorParts frontDoor)
    {
        var settings = props.Deployment!.Alarms;
        var created = new List<Alarm>();
        created.AddRange(FunctionAlarms(alarms, props, web, "Web", "web function"));
        if (DeploymentDefaults.ServerErrorRate(props) && AppMetrics.FrontDoor(frontDoor, web, Period) is { } metrics)
        {
            var threshold = DeploymentDefaults.ServerErrorRateThreshold(settings);
            created.Add(alarms.Add("ReleaseServerErrorRateAlarm", "release: 5xx rate too high",
                $"Rolls back a release of {alarms.NamePrefix}: at least {threshold} % of the {metrics.Kind}'s responses in a minute were 5xx while the " +
                "new version took traffic. CodeDeploy stops the deployment and points the live alias back at the previous version; read the new " +
                "version's errors in the web function's log group and the API access logs (status, integrationError), fix, and deploy again.",
                AppMetrics.ServerErrorRate(metrics, Period), threshold));
        }
        if (DeploymentDefaults.LatencyP99(props))
        {
            var threshold = DeploymentDefaults.LatencyP99Threshold(props).ToMilliseconds();
            created.Add(alarms.Add("ReleaseWebLatencyAlarm", "release: web function new version slow",
                $"Rolls back a release of {alarms.NamePrefix}: the web function's new version took {threshold} ms or more at p99 for two minutes in a " +
                "row. CodeDeploy points the live alias back at the previous version; compare the versions' Duration (dimension ExecutedVersion) " +
                "and look for a slower dependency or a missing cache before deploying again, or raise Deployment.Alarms.LatencyP99Threshold.",
                AppMetrics.NewVersion(web, "Duration", Stats.Percentile(99), Period), threshold, evaluationPeriods: 2));
        }
        return created;
    }

    public static IReadOnlyList<Alarm> Worker(AlarmFactory alarms, ServerlessWebAppProps props, FunctionParts worker) =>
        [.. FunctionAlarms(alarms, props, worker, "Worker", "task worker")];

    private static IEnumerable<Alarm> FunctionAlarms(AlarmFactory alarms, ServerlessWebAppProps props, FunctionParts function, string id, string label)
    {
        var settings = props.Deployment!.Alarms;
        if (DeploymentDefaults.Errors(props))
        {
            var threshold = DeploymentDefaults.ErrorThreshold(settings);
            yield return alarms.Add($"Release{id}ErrorsAlarm", $"release: {label} new version errors",
                $"Rolls back a release of {alarms.NamePrefix}: the {label}'s new version raised {threshold} or more errors in a minute (unhandled " +
                $"exceptions, time-outs, out of memory). CodeDeploy points the {label}'s live alias back at the previous version; read the errors " +
                "in its log group (Logs Insights: filter level = 'ERROR'), fix, and deploy again.",
                AppMetrics.NewVersion(function, "Errors", Stats.SUM, Period), threshold);
        }
        if (DeploymentDefaults.Throttles(props))
        {
            var threshold = DeploymentDefaults.ThrottleThreshold(settings);
            yield return alarms.Add($"Release{id}ThrottlesAlarm", $"release: {label} new version throttled",
                $"Rolls back a release of {alarms.NamePrefix}: {threshold} or more invocations of the {label}'s new version were throttled in a " +
                "minute, so callers were refused. CodeDeploy points the live alias back at the previous version; check reserved and provisioned " +
                "concurrency and the account's concurrency quota before deploying again.",
                AppMetrics.NewVersion(function, "Throttles", Stats.SUM, Period), threshold);
        }
    }
}
