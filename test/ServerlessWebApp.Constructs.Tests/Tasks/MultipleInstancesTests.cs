using Serverless.WebApp.Constructs.Tests.Support;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Commands;
using Serverless.WebApp.Constructs.KeepWarming;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>Two apps in one stack: every name is generated, so nothing collides and nothing is shared by accident.</summary>
[Collection("cdk")]
public sealed class MultipleInstancesTests
{
    [Fact]
    public void TwoCompleteTaskSetupsSynthesizeSideBySide()
    {
        // GIVEN one stack  WHEN two apps each get a task queue, keep-warm, schedules and a command output
        var stack = new Stack(TestFolders.NewApp(), "TwoApps");
        foreach (var app in new[] { "Shop", "Lab" })
        {
            var web = TestFunction.Create(stack, app + "Web");
            var worker = TestFunction.Create(stack, app + "Worker", 120);
            _ = new TaskQueue(stack, app + "Tasks", new TaskQueueProps
            {
                WorkerAlias = worker.Alias, WorkerTimeout = Duration.Seconds(120), WebFunction = web.Function,
            });
            _ = new KeepWarm(stack, app + "KeepWarm", new KeepWarmProps { Alias = web.Alias });
            _ = new TaskSchedules(stack, app + "Schedules", new TaskSchedulesProps
            {
                Alias = worker.Alias,
                Schedules = [new ScheduledTask { Name = "nightly", Expression = "cron(0 1 * * ? *)", Task = "cleanup" }],
            });
            _ = new ManagementCommand(stack, app + "Manage", new ManagementCommandProps { Alias = web.Alias, Command = "migrate" });
        }

        // THEN each resource exists twice, with its own outputs
        var json = new TemplateJson(Template.FromStack(stack));
        Assert.Equal(2, json.OfType("AWS::DynamoDB::Table").Count);
        Assert.Equal(2, json.OfType("AWS::Lambda::EventSourceMapping").Count);
        Assert.Equal(2, json.OfType("AWS::Events::Rule").Count);
        Assert.Equal(2, json.OfType("AWS::Scheduler::Schedule").Count);
        Assert.Equal(8, json.OfType("AWS::SQS::Queue").Count);
        Assert.Equal(6, json.Outputs.Count);
        Assert.All(json.OfType("AWS::Scheduler::Schedule"), s => Assert.Null(s.Value["Properties"]!["Name"]));
    }
}
