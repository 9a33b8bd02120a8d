using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tests.Support;

using static Serverless.WebApp.Constructs.Tests.Support.PropsRejection;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>One test per validation error of <c>Deployment</c>: a synth error naming the property and what is allowed.</summary>
[Collection("cdk")]
public class DeploymentValidationTests
{
    private static IRole Supplied(Stack stack, string id) =>
        Role.FromRoleArn(stack, id, $"arn:aws:iam::{ExampleArns.Account}:role/{id}", new FromRoleArnOptions { Mutable = false });

    private static ServerlessWebAppDeploymentProps Canary(ServerlessWebAppDeploymentAlarmsProps? alarms = null) =>
        new() { Traffic = TrafficShift.Canary(10, Duration.Minutes(5)), Alarms = alarms };

    private static void NoFrontDoor(ServerlessWebAppProps p)
    {
        p.FrontDoor = FrontDoorKind.None;
        p.PublicAccess = null;
    }

    // ---- Deployment.Traffic ----

    [Fact] public void CanaryOfZeroPercentIsRejected() => Assert.Contains("1 to 99", Rejected("Deployment.Traffic", (_, p) => p.Deployment = new() { Traffic = TrafficShift.Canary(0, Duration.Minutes(5)) }));
    [Fact] public void LinearOfAHundredPercentIsRejected() => Rejected("Deployment.Traffic", (_, p) => p.Deployment = new() { Traffic = TrafficShift.Linear(100, Duration.Minutes(1)) });
    [Fact] public void IntervalInSecondsIsRejected() => Assert.Contains("whole minutes", Rejected("Deployment.Traffic", (_, p) => p.Deployment = new() { Traffic = TrafficShift.Canary(10, Duration.Seconds(90)) }));
    [Fact] public void IntervalAboveTwoDaysIsRejected() => Rejected("Deployment.Traffic", (_, p) => p.Deployment = new() { Traffic = TrafficShift.Linear(10, Duration.Days(3)) });
    [Fact] public void MissingIntervalIsRejected() => Rejected("Deployment.Traffic", (_, p) => p.Deployment = new() { Traffic = TrafficShift.Canary(10, null!) });

    // ---- Deployment.Alarms ----

    [Fact] public void ErrorThresholdBelowOneIsRejected() => Rejected("Deployment.Alarms.ErrorThreshold", (_, p) => p.Deployment = Canary(new() { ErrorThreshold = 0 }));
    [Fact] public void ThrottleThresholdBelowOneIsRejected() => Rejected("Deployment.Alarms.ThrottleThreshold", (_, p) => p.Deployment = Canary(new() { ThrottleThreshold = 0.5 }));
    [Fact] public void ServerErrorRateAboveAHundredPercentIsRejected() => Rejected("Deployment.Alarms.ServerErrorRateThreshold", (_, p) => p.Deployment = Canary(new() { ServerErrorRateThreshold = 150 }));
    [Fact] public void ServerErrorRateOfZeroIsRejected() => Rejected("Deployment.Alarms.ServerErrorRateThreshold", (_, p) => p.Deployment = Canary(new() { ServerErrorRateThreshold = 0 }));
    [Fact] public void LatencyThresholdAtTheTimeoutIsRejected() => Assert.Contains("timeout", Rejected("Deployment.Alarms.LatencyP99Threshold", (_, p) => p.Deployment = Canary(new() { LatencyP99Threshold = Duration.Seconds(30) })));
    [Fact] public void ThresholdOfAnAlarmTurnedOffIsRejected() => Assert.Contains("Deployment.Alarms.Errors", Rejected("Deployment.Alarms.ErrorThreshold", (_, p) => p.Deployment = Canary(new() { Errors = false, ErrorThreshold = 3 })));
    [Fact] public void ThresholdOnAnAllAtOnceReleaseIsRejected() => Rejected("Deployment.Alarms.LatencyP99Threshold", (_, p) => p.Deployment = new() { Alarms = new() { LatencyP99Threshold = Duration.Seconds(2) } });
    [Fact] public void ServerErrorRateWithoutAFrontDoorIsRejected() => Assert.Contains("FrontDoor is None", Rejected("Deployment.Alarms.ServerErrorRate", (_, p) => { NoFrontDoor(p); p.Deployment = Canary(new() { ServerErrorRate = true }); }));
    [Fact] public void NullAdditionalAlarmIsRejected() => Rejected("Deployment.Alarms.Additional", (_, p) => p.Deployment = Canary(new() { Additional = [null!] }));

    // ---- Deployment hooks and roles ----

    [Fact] public void HookCommandThatIsNoCommandNameIsRejected() => Assert.Contains("MapCommand", Rejected("Deployment.PreTraffic", (_, p) => p.Deployment = new() { PreTraffic = DeploymentHook.Command("run migrations") }));
    [Fact] public void HookCommandWithANullArgumentIsRejected() => Rejected("Deployment.PostTraffic", (_, p) => p.Deployment = new() { PostTraffic = DeploymentHook.Command("smoke", "--quick", null!) });
    [Fact] public void CodeDeployRoleWithoutCodeDeployIsRejected() => Rejected("Deployment.Role", (s, p) => p.Deployment = new() { Role = Supplied(s, "codedeploy") });
    [Fact] public void HookRoleWithoutACommandHookIsRejected() => Rejected("Deployment.HookRole", (s, p) => p.Deployment = new() { Traffic = TrafficShift.Linear(10, Duration.Minutes(1)), HookRole = Supplied(s, "hook") });
    [Fact] public void SuppliedFunctionRoleWithoutACodeDeployRoleIsRejected() => Assert.Contains("no role may be created", Rejected("Deployment.Role", (s, p) => { p.Role = Supplied(s, "web"); p.Deployment = Canary(); }));
    [Fact] public void SuppliedFunctionRoleWithACommandHookWithoutAHookRoleIsRejected() => Rejected("Deployment.HookRole", (s, p) =>
    {
        p.Role = Supplied(s, "web");
        p.Deployment = new() { PreTraffic = DeploymentHook.Command("migrate"), Role = Supplied(s, "codedeploy") };
    });
}
