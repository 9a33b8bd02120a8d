using Amazon.CDK;
using Serverless.WebApp.Constructs.Tests.Support;

using static Serverless.WebApp.Constructs.Tests.Support.PropsRejection;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>One test per validation error of <c>Monitoring</c> (a synth error naming the property and what is allowed), and release and monitoring errors reported together.</summary>
[Collection("cdk")]
public class MonitoringValidationTests
{
    private static void NoFrontDoor(ServerlessWebAppProps p)
    {
        p.FrontDoor = FrontDoorKind.None;
        p.PublicAccess = null;
    }

    [Fact] public void MonitoringErrorThresholdBelowOneIsRejected() => Rejected("Monitoring.ErrorThreshold", (_, p) => p.Monitoring = new() { ErrorThreshold = 0 });
    [Fact] public void MonitoringThrottleThresholdBelowOneIsRejected() => Rejected("Monitoring.ThrottleThreshold", (_, p) => p.Monitoring = new() { ThrottleThreshold = -1 });
    [Fact] public void MonitoringServerErrorRateAboveAHundredIsRejected() => Rejected("Monitoring.ServerErrorRateThreshold", (_, p) => p.Monitoring = new() { ServerErrorRateThreshold = 101 });
    [Fact] public void MonitoringLatencyBelowAMillisecondIsRejected() => Rejected("Monitoring.LatencyP99Threshold", (_, p) => p.Monitoring = new() { LatencyP99Threshold = Duration.Millis(0) });
    [Fact] public void MonitoringFrontDoorThresholdWithoutAFrontDoorIsRejected() => Rejected("Monitoring.ServerErrorRateThreshold", (_, p) => { NoFrontDoor(p); p.Monitoring = new() { ServerErrorRateThreshold = 5 }; });
    [Fact] public void MonitoringTaskThresholdWithoutTasksIsRejected() => Assert.Contains("only with Tasks", Rejected("Monitoring.TaskAgeThreshold", (_, p) => p.Monitoring = new() { TaskAgeThreshold = Duration.Minutes(10) }));
    [Fact] public void MonitoringTaskFailureThresholdBelowOneIsRejected() => Rejected("Monitoring.TaskFailureThreshold", (_, p) => { p.Tasks = new(); p.Monitoring = new() { TaskFailureThreshold = 0 }; });
    [Fact] public void MonitoringTaskAgeInSecondsIsRejected() => Rejected("Monitoring.TaskAgeThreshold", (_, p) => { p.Tasks = new(); p.Monitoring = new() { TaskAgeThreshold = Duration.Seconds(90) }; });
    [Fact] public void MonitoringTaskAgeAboveADayIsRejected() => Rejected("Monitoring.TaskAgeThreshold", (_, p) => { p.Tasks = new(); p.Monitoring = new() { TaskAgeThreshold = Duration.Days(2) }; });

    [Fact]
    public void EveryReleaseAndMonitoringErrorIsReportedInOneSynth()
    {
        var stack = TestStacks.NewStack();
        var props = TestStacks.Props(p =>
        {
            p.Deployment = new() { Traffic = TrafficShift.Canary(0, Duration.Seconds(30)), PreTraffic = DeploymentHook.Command("") };
            p.Monitoring = new() { ErrorThreshold = 0, TaskAgeThreshold = Duration.Minutes(5) };
        });
        _ = new ServerlessWebApp(stack, "WebApp", props);
        var errors = SynthMessages.ErrorsOn(stack, "/TestStack/WebApp");
        Assert.Equal(2, errors.Count(e => e.StartsWith("Deployment.Traffic ", StringComparison.Ordinal)));
        foreach (var property in new[] { "Deployment.PreTraffic", "Monitoring.ErrorThreshold", "Monitoring.TaskAgeThreshold" })
            Assert.Contains(errors, e => e.StartsWith(property + " ", StringComparison.Ordinal));
    }
}
