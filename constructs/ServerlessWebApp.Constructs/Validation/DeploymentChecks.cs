using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.Deployment;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Contract;

using static Serverless.WebApp.Constructs.Validation.ValueRules;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>Safe releases (<c>Deployment</c>): the traffic shift, the rollback alarms and their thresholds, the hooks, and the roles CodeDeploy and a command hook run with.</summary>
internal static class DeploymentChecks
{
    private const string Owner = "Deployment";

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Deployment is not { } deployment) return;
        CheckTraffic(findings, deployment.Traffic);
        CheckAlarms(findings, props, deployment.Alarms);
        CheckHook(findings, deployment.PreTraffic, $"{Owner}.PreTraffic");
        CheckHook(findings, deployment.PostTraffic, $"{Owner}.PostTraffic");
        CheckRoles(findings, props, deployment);
    }

    private static void CheckTraffic(Findings findings, TrafficShift? traffic)
    {
        if (traffic is not { IsGradual: true }) return;
        var property = $"{Owner}.Traffic";
        if (traffic.Percentage is < 1 or > 99)
            findings.Error(property, $"{traffic} has {traffic.Percentage} percent; allowed: a whole percentage from 1 to 99 per step");
        if (traffic.Interval is null)
        {
            findings.Error(property, $"{traffic.Kind} has no interval; allowed: whole minutes from 1 to {DeploymentDefaults.MaxIntervalMinutes}");
            return;
        }
        var milliseconds = traffic.Interval.ToMilliseconds();
        if (milliseconds % 60_000 != 0 || milliseconds < 60_000 || milliseconds > DeploymentDefaults.MaxIntervalMinutes * 60_000.0)
            findings.Error(property, $"{traffic} has the interval {traffic.Interval.ToHumanString()}; allowed: whole minutes from 1 to {DeploymentDefaults.MaxIntervalMinutes} (CodeDeploy counts in minutes)");
    }

    private static void CheckAlarms(Findings findings, ServerlessWebAppProps props, ServerlessWebAppDeploymentAlarmsProps? alarms)
    {
        if (alarms is null) return;
        var prefix = $"{Owner}.Alarms";
        AtLeastOne(findings, alarms.ErrorThreshold, $"{prefix}.ErrorThreshold");
        AtLeastOne(findings, alarms.ThrottleThreshold, $"{prefix}.ThrottleThreshold");
        Percentage(findings, alarms.ServerErrorRateThreshold, $"{prefix}.ServerErrorRateThreshold");
        SetWhileOff(findings, alarms.ErrorThreshold, DeploymentDefaults.Errors(props), $"{prefix}.ErrorThreshold", $"{prefix}.Errors");
        SetWhileOff(findings, alarms.ThrottleThreshold, DeploymentDefaults.Throttles(props), $"{prefix}.ThrottleThreshold", $"{prefix}.Throttles");
        SetWhileOff(findings, alarms.ServerErrorRateThreshold, DeploymentDefaults.ServerErrorRate(props), $"{prefix}.ServerErrorRateThreshold", $"{prefix}.ServerErrorRate");
        SetWhileOff(findings, alarms.LatencyP99Threshold, DeploymentDefaults.LatencyP99(props), $"{prefix}.LatencyP99Threshold", $"{prefix}.LatencyP99");
        if (alarms.ServerErrorRate == true && FrontDoorDefaults.Kind(props) == FrontDoorKind.None)
            findings.Error($"{prefix}.ServerErrorRate", "is true but FrontDoor is None, so nothing counts 5xx responses; allowed: FrontDoor HttpApi, RestApi or FunctionUrl, or leave it unset");
        if (alarms.LatencyP99Threshold is { } latency)
        {
            var timeout = FunctionDefaults.Timeout(props).ToMilliseconds();
            var ms = latency.ToMilliseconds();
            if (ms < 1 || ms >= timeout)
                findings.Error($"{prefix}.LatencyP99Threshold", $"{latency.ToHumanString()} is out of range; allowed: from 1 ms to less than the web function's timeout ({timeout / 1000} s)");
        }
        if (alarms.Additional is { } additional && additional.Any(a => a is null))
            findings.Error($"{prefix}.Additional", "holds a null alarm; allowed: IAlarm instances");
    }

    private static void CheckHook(Findings findings, DeploymentHook? hook, string property)
    {
        if (hook is null || hook.HookFunction is not null) return;
        if (hook.CommandName is null || !Regex.IsMatch(hook.CommandName, SwaNames.CommandNamePattern))
            findings.Error(property, $"Command('{hook.CommandName}') is not a command name; allowed: 1 to 64 letters, digits, '.', '_', ':' or '-' (as app.MapCommand registers it)");
        if (hook.CommandArgs.Any(a => a is null))
            findings.Error(property, $"Command('{hook.CommandName}') has a null argument; allowed: strings");
    }

    private static void CheckRoles(Findings findings, ServerlessWebAppProps props, ServerlessWebAppDeploymentProps deployment)
    {
        var usesCodeDeploy = DeploymentDefaults.UsesCodeDeploy(props);
        var hasCommandHook = deployment.PreTraffic?.CommandName is not null || deployment.PostTraffic?.CommandName is not null;
        if (deployment.Role is not null && !usesCodeDeploy)
            findings.Error($"{Owner}.Role", "is set but releases do not go through CodeDeploy (all at once, no hook, no alarm); allowed: Deployment.Role with a canary or linear Traffic, a hook or an alarm");
        if (deployment.HookRole is not null && !hasCommandHook)
            findings.Error($"{Owner}.HookRole", "is set but no hook is a DeploymentHook.Command; allowed: Deployment.HookRole only with a command hook");
        if (props.Role is null) return;
        if (usesCodeDeploy && deployment.Role is null)
            findings.Error($"{Owner}.Role", "is required: Role is supplied, so no role may be created for CodeDeploy; allowed: a supplied CodeDeploy service role, or no Role");
        if (hasCommandHook && deployment.HookRole is null)
            findings.Error($"{Owner}.HookRole", "is required: Role is supplied, so no role may be created for the command hook's function; allowed: a supplied role trusted by Lambda, or a DeploymentHook.Function");
    }

    private static void SetWhileOff(Findings findings, object? value, bool on, string property, string switchProperty)
    {
        if (value is not null && !on)
            findings.Error(property, $"is set but {switchProperty} is off (explicitly, or by default for all-at-once releases or without a front door); allowed: set {switchProperty} = true, or drop the threshold");
    }
}
