using System.Text.Json.Nodes;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>Scheduled tasks through EventBridge Scheduler: the task travels in the input, one role for all schedules.</summary>
[Collection("cdk")]
public sealed class TaskSchedulesTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private static JsonNode Envelope(KeyValuePair<string, JsonObject> schedule) =>
        JsonNode.Parse((string)schedule.Value["Properties"]!["Target"]!["Input"]!)![SwaControlEvent.Envelope]!;

    private static KeyValuePair<string, JsonObject> ScheduleNamed(TemplateJson json, string name) =>
        json.OfType("AWS::Scheduler::Schedule").Single(s => (string?)Envelope(s)[SwaControlEvent.Schedule] == name);

    [Fact]
    public void TaskNamePayloadAndScheduleNameTravelInTheInput()
    {
        var json = templates.Defaults.Json;
        var nightly = ScheduleNamed(json, "nightly-dna");
        Assert.Equal(
            """{"serverlessWebApp":{"kind":"task","task":"compute-dna","payload":{"dna_sequence":"ATCG","n":3},"schedule":"nightly-dna"}}""",
            (string)nightly.Value["Properties"]!["Target"]!["Input"]!);
        Assert.Equal("cron(0 2 * * ? *)", (string?)nightly.Value["Properties"]!["ScheduleExpression"]);
        var hourly = Envelope(ScheduleNamed(json, "hourly.cleanup"));
        Assert.Equal("cleanup", (string?)hourly[SwaControlEvent.Task]);
        Assert.True(hourly.AsObject().ContainsKey(SwaControlEvent.Payload));
        Assert.Null(hourly[SwaControlEvent.Payload]);
    }

    [Fact]
    public void TimeZoneAndDisabledStateAreKept()
    {
        var report = ScheduleNamed(templates.Defaults.Json, "paris_report").Value["Properties"]!;
        Assert.Equal("Europe/Paris", (string?)report["ScheduleExpressionTimezone"]);
        Assert.Equal("DISABLED", (string?)report["State"]);
        Assert.Equal("summary", (string?)JsonNode.Parse((string)report["Target"]!["Input"]!)![SwaControlEvent.Envelope]![SwaControlEvent.Payload]);
    }

    [Fact]
    public void EveryScheduleTargetsTheAliasWithRetriesAndADeadLetterQueue()
    {
        var given = templates.HundredSchedules;
        var schedules = given.Json.OfType("AWS::Scheduler::Schedule");
        Assert.Equal(100, schedules.Count);
        var dlqId = Assert.Single(given.Json.OfType("AWS::SQS::Queue")).Key;
        Assert.True((bool)given.Json.Properties(dlqId)["SqsManagedSseEnabled"]!);
        Assert.All(schedules, s =>
        {
            var target = s.Value["Properties"]!["Target"]!;
            Assert.Equal(given.Worker.AliasLogicalId, (string?)target["Arn"]!["Ref"]);
            Assert.Equal(185, (int)target["RetryPolicy"]!["MaximumRetryAttempts"]!);
            Assert.Equal(86400, (int)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
            Assert.Equal(dlqId, (string?)target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
            Assert.Equal("OFF", (string?)s.Value["Properties"]!["FlexibleTimeWindow"]!["Mode"]);
        });
    }

    [Fact]
    public void AHundredSchedulesAddNoLambdaPermissionAndOneSmallPolicy()
    {
        // GIVEN 100 schedules  THEN the function's resource policy gains nothing (no AWS::Lambda::Permission)
        // and the shared execution role holds two statements: invoke the alias, send to the dead-letter queue
        var given = templates.HundredSchedules;
        Assert.Empty(given.Json.OfType("AWS::Lambda::Permission"));
        var role = given.Json.OfType("AWS::IAM::Role").Single(r => r.Key.StartsWith("Schedules", StringComparison.Ordinal));
        var statements = given.Json.StatementsOfRole(role.Key);
        Assert.Equal(2, statements.Count);
        var invoke = statements.Single(s => TemplateJson.Actions(s).SequenceEqual(["lambda:InvokeFunction"]));
        Assert.Equal(given.Worker.AliasLogicalId, (string?)invoke["Resource"]!["Ref"]);
        Assert.All(given.Json.OfType("AWS::Scheduler::Schedule"),
            s => Assert.Equal(role.Key, (string?)s.Value["Properties"]!["Target"]!["RoleArn"]!["Fn::GetAtt"]![0]));
    }

    [Fact]
    public void OnlySchedulerInThisAccountMayAssumeTheExecutionRole()
    {
        var role = templates.HundredSchedules.Json.OfType("AWS::IAM::Role").Single(r => r.Key.StartsWith("Schedules", StringComparison.Ordinal));
        var trust = Assert.Single(role.Value["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("scheduler.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.Equal("AWS::AccountId", (string?)trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!["Ref"]);
    }
}
