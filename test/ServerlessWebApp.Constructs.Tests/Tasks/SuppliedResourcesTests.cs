using System.Text.Json.Nodes;
using Amazon.CDK;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>Opt-outs and supplied resources: nothing is created that the user turned off or brought.</summary>
[Collection("cdk")]
public sealed class SuppliedResourcesTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private readonly TasksTemplates.Synthesized _given = templates.Supplied;
    private TemplateJson Json => _given.Json;
    private string ControlDeadLetterQueueId => Json.OfType("AWS::SQS::Queue").Single(q => q.Key.StartsWith("ControlDeadLetterQueue", StringComparison.Ordinal)).Key;

    [Fact]
    public void WithoutStatusTableNoTableAndNoTableVariable()
    {
        Assert.Empty(Json.OfType("AWS::DynamoDB::Table"));
        Assert.Empty(_given.Queue!.WorkerEnvironment);
        Assert.Equal([SwaEnvironment.TaskQueueUrl], _given.Queue.WebEnvironment.Keys);
    }

    [Fact]
    public void EnvironmentIsLeftToTheCallerWhenNotApplied()
    {
        Assert.Null(Json.Properties(_given.Web.LogicalId)["Environment"]);
        Assert.Null(Json.Properties(_given.Worker.LogicalId)["Environment"]);
    }

    [Fact]
    public void WithoutWebFunctionNobodyMaySend()
    {
        var allowed = Json.OfType("AWS::IAM::Policy")
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .SelectMany(s => TemplateJson.Actions(s!.AsObject()))
            .ToList();
        Assert.Contains("sqs:ReceiveMessage", allowed);
        Assert.DoesNotContain("sqs:SendMessage", allowed);
    }

    [Fact]
    public void SuppliedSchedulerRoleIsUsedAndNeitherCreatedNorModified()
    {
        // THEN only the two function roles exist, and no policy grants lambda:InvokeFunction
        Assert.Equal(2, Json.OfType("AWS::IAM::Role").Count);
        var schedule = Assert.Single(Json.OfType("AWS::Scheduler::Schedule")).Value["Properties"]!["Target"]!;
        Assert.Equal(TasksTemplates.SuppliedSchedulerRoleArn, (string?)schedule["RoleArn"]);
        Assert.DoesNotContain(Json.OfType("AWS::IAM::Policy"),
            p => p.Value.ToJsonString().Contains("lambda:InvokeFunction", StringComparison.Ordinal));
        Assert.DoesNotContain(Json.OfType("AWS::Lambda::Permission"), p => (string?)p.Value["Properties"]!["Principal"] == "scheduler.amazonaws.com");
    }

    [Fact]
    public void SchedulerRoleStatementsDescribeWhatTheSuppliedRoleNeeds()
    {
        var stack = _given.Stack;
        var statements = _given.Schedules!.RoleStatements.Select(s => TemplateJson.Render(stack, s)).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal("lambda:InvokeFunction", (string?)statements[0]["Action"]);
        Assert.Equal(_given.Worker.AliasLogicalId, (string?)statements[0]["Resource"]!["Ref"]);
        Assert.Equal("sqs:SendMessage", (string?)statements[1]["Action"]);
        Assert.Equal(ControlDeadLetterQueueId, (string?)statements[1]["Resource"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void KeepWarmAndSchedulesShareTheSuppliedDeadLetterQueue()
    {
        var rule = Assert.Single(Json.OfType("AWS::Events::Rule")).Value["Properties"]!;
        var target = rule["Targets"]![0]!;
        Assert.Equal(ControlDeadLetterQueueId, (string?)target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
        var schedule = Assert.Single(Json.OfType("AWS::Scheduler::Schedule")).Value["Properties"]!["Target"]!;
        Assert.Equal(ControlDeadLetterQueueId, (string?)schedule["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
        // only the task queue and its DLQ are created besides the supplied one
        Assert.Equal(3, Json.OfType("AWS::SQS::Queue").Count);
    }

    [Fact]
    public void RateStateAndRetrySettingsAreApplied()
    {
        var rule = Assert.Single(Json.OfType("AWS::Events::Rule")).Value["Properties"]!;
        Assert.Equal("rate(10 minutes)", (string?)rule["ScheduleExpression"]);
        Assert.Equal("DISABLED", (string?)rule["State"]);
        Assert.Equal(0, (int)rule["Targets"]![0]!["RetryPolicy"]!["MaximumRetryAttempts"]!);
        Assert.Equal(120, (int)rule["Targets"]![0]!["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
        var retry = Assert.Single(Json.OfType("AWS::Scheduler::Schedule")).Value["Properties"]!["Target"]!["RetryPolicy"]!;
        Assert.Equal(5, (int)retry["MaximumRetryAttempts"]!);
        Assert.Equal(3600, (int)retry["MaximumEventAgeInSeconds"]!);
    }
}
