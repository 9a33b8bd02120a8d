using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Composition;

/// <summary>One test per task, keep-warm, schedule and command validation error: a synth error on the construct naming the property.</summary>
[Collection("cdk")]
public sealed class TasksPropsValidationTests
{
    private const string OrgRole = "arn:aws:iam::123456789012:role/platform/app";

    /// <summary>The construct's synth errors, one per line.</summary>
    private static string Error(Action<ServerlessWebAppProps> change, Action<Stack, ServerlessWebAppProps>? arrange = null)
    {
        var (stack, _) = TestStacks.Create(change, arrange);
        var errors = SynthMessages.ErrorsOn(stack, "/TestStack/WebApp");
        Assert.NotEmpty(errors);
        return string.Join(System.Environment.NewLine, errors);
    }

    private static IReadOnlyList<ScheduledTask> Nightly(string expression = "rate(1 day)") =>
        [new ScheduledTask { Name = "nightly", Expression = expression, Task = "compute-dna" }];

    [Fact]
    public void WorkerTimeoutAbove900SecondsNamesTasksWorkerTimeout()
    {
        var error = Error(p => p.Tasks = new ServerlessWebAppTasksProps { WorkerTimeout = Duration.Seconds(901) });
        Assert.Contains("Tasks.WorkerTimeout", error);
        Assert.Contains("1 to 900", error);
    }

    [Fact]
    public void WorkerMemoryOutOfRangeNamesTasksWorkerMemorySize()
    {
        Assert.Contains("Tasks.WorkerMemorySize", Error(p => p.Tasks = new ServerlessWebAppTasksProps { WorkerMemorySize = 64 }));
    }

    [Fact]
    public void BatchSizeAboveTenWithoutBatchingWindowNamesTasksBatchSize()
    {
        var error = Error(p => p.Tasks = new ServerlessWebAppTasksProps { BatchSize = 50 });
        Assert.Contains("Tasks.BatchSize", error);
        Assert.Contains("MaxBatchingWindow", error);
    }

    [Fact]
    public void BatchingWindowAbove300SecondsNamesTasksMaxBatchingWindow()
    {
        Assert.Contains("Tasks.MaxBatchingWindow", Error(p => p.Tasks = new ServerlessWebAppTasksProps { MaxBatchingWindow = Duration.Minutes(6) }));
    }

    [Fact]
    public void MaxConcurrencyBelowTwoNamesTasksMaxConcurrency()
    {
        Assert.Contains("Tasks.MaxConcurrency", Error(p => p.Tasks = new ServerlessWebAppTasksProps { MaxConcurrency = 1 }));
    }

    [Fact]
    public void MaxReceiveCountZeroNamesTasksMaxReceiveCount()
    {
        Assert.Contains("Tasks.MaxReceiveCount", Error(p => p.Tasks = new ServerlessWebAppTasksProps { MaxReceiveCount = 0 }));
    }

    [Fact]
    public void SuppliedRoleWithTasksRequiresWorkerRole()
    {
        var error = Error(p => p.Tasks = new ServerlessWebAppTasksProps(), (stack, p) => p.Role = Role.FromRoleArn(stack, "Web", OrgRole));
        Assert.Contains("Tasks.WorkerRole is required", error);
    }

    [Fact]
    public void InvalidScheduleExpressionNamesTheScheduleEntry()
    {
        var error = Error(p => p.Tasks = new ServerlessWebAppTasksProps { Schedules = Nightly("every day") });
        Assert.Contains("Tasks.Schedules[0] ('nightly').Expression 'every day'", error);
        Assert.Contains("Allowed forms", error);
    }

    [Fact]
    public void SuppliedRolesWithSchedulesRequireScheduleRole()
    {
        var error = Error(p => p.Tasks = new ServerlessWebAppTasksProps { Schedules = Nightly() }, (stack, p) =>
        {
            p.Role = Role.FromRoleArn(stack, "Web", OrgRole);
            p.Tasks!.WorkerRole = Role.FromRoleArn(stack, "Worker", OrgRole);
        });
        Assert.Contains("Tasks.ScheduleRole is required", error);
    }

    [Fact]
    public void ScheduleRoleWithoutSchedulesNamesScheduleRole()
    {
        var error = Error(p => p.Tasks = new ServerlessWebAppTasksProps(), (stack, p) => p.Tasks!.ScheduleRole = Role.FromRoleArn(stack, "Scheduler", OrgRole));
        Assert.Contains("Tasks.ScheduleRole is set but there are no Tasks.Schedules", error);
    }

    [Fact]
    public void KeepWarmRateInSecondsNamesKeepWarmRate()
    {
        var error = Error(p => p.KeepWarm = new ServerlessWebAppKeepWarmProps { Rate = Duration.Seconds(90) });
        Assert.Contains("KeepWarm.Rate 1 minute 30 seconds is invalid", error);
        Assert.Contains("whole minutes from 1 to 60", error);
    }

    [Fact]
    public void KeepWarmRateWithKeepWarmOffNamesKeepWarmRate()
    {
        var error = Error(p => p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = false, Rate = Duration.Minutes(5) });
        Assert.Contains("KeepWarm.Rate is set but KeepWarm.Enabled is false", error);
    }

    [Fact]
    public void InvalidManagementCommandNameNamesTheEntry()
    {
        var error = Error(p => p.ManagementCommands = ["migrate", "rm -rf"]);
        Assert.Contains("ManagementCommands[1] 'rm -rf' is invalid", error);
    }

    [Fact]
    public void DuplicateManagementCommandNamesTheEntry()
    {
        var error = Error(p => p.ManagementCommands = ["migrate", "migrate"]);
        Assert.Contains("ManagementCommands[1] 'migrate' is listed twice", error);
    }
}
