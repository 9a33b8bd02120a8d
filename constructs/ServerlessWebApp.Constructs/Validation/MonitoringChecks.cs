using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Monitoring;

using static Serverless.WebApp.Constructs.Validation.ValueRules;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>Monitoring (<c>Monitoring</c>): thresholds in range, and only for alarms the app has (a front door, tasks).</summary>
internal static class MonitoringChecks
{
    private const string Owner = "Monitoring";

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Monitoring is not { } monitoring) return;
        AtLeastOne(findings, monitoring.ErrorThreshold, $"{Owner}.ErrorThreshold");
        AtLeastOne(findings, monitoring.ThrottleThreshold, $"{Owner}.ThrottleThreshold");
        AtLeastOne(findings, monitoring.TaskFailureThreshold, $"{Owner}.TaskFailureThreshold");
        Percentage(findings, monitoring.ServerErrorRateThreshold, $"{Owner}.ServerErrorRateThreshold");
        if (monitoring.LatencyP99Threshold is { } latency && latency.ToMilliseconds() < 1)
            findings.Error($"{Owner}.LatencyP99Threshold", $"{latency.ToHumanString()} is too low; allowed: 1 ms or more");

        if (FrontDoorDefaults.Kind(props) == FrontDoorKind.None)
        {
            foreach (var (value, name) in new (object?, string)[] { (monitoring.ServerErrorRateThreshold, "ServerErrorRateThreshold"), (monitoring.LatencyP99Threshold, "LatencyP99Threshold") })
            {
                if (value is not null)
                    findings.Error($"{Owner}.{name}", "is set but FrontDoor is None, so there are no responses to watch; allowed: FrontDoor HttpApi, RestApi or FunctionUrl, or leave it unset");
            }
        }

        if (props.Tasks is null)
        {
            foreach (var (value, name) in new (object?, string)[] { (monitoring.TaskAgeThreshold, "TaskAgeThreshold"), (monitoring.TaskFailureThreshold, "TaskFailureThreshold") })
            {
                if (value is not null)
                    findings.Error($"{Owner}.{name}", "is set but there is no task queue; allowed: only with Tasks");
            }
        }
        if (monitoring.TaskAgeThreshold is { } age)
        {
            var milliseconds = age.ToMilliseconds();
            if (milliseconds % 60_000 != 0 || milliseconds < 60_000 || milliseconds > MonitoringDefaults.MaxTaskAgeMinutes * 60_000.0)
                findings.Error($"{Owner}.TaskAgeThreshold", $"{age.ToHumanString()} is out of range; allowed: whole minutes from 1 to {MonitoringDefaults.MaxTaskAgeMinutes}");
        }
    }
}
