using System.Text.Json.Nodes;
using Serverless.WebApp.Contract;

using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.KeepWarming;

/// <summary>The keep-warm rule: pings the web alias every five minutes with the contract's control event.</summary>
[Collection("cdk")]
public sealed class KeepWarmTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private readonly TasksTemplates.Synthesized _given = templates.Defaults;
    private TemplateJson Json => _given.Json;
    private JsonNode Rule => Assert.Single(Json.OfType("AWS::Events::Rule")).Value["Properties"]!;
    private JsonNode Target => Assert.Single(Rule["Targets"]!.AsArray())!;

    [Fact]
    public void RulePingsEveryFiveMinutesByDefault()
    {
        Assert.Equal("rate(5 minutes)", (string?)Rule["ScheduleExpression"]);
        Assert.Equal("ENABLED", (string?)Rule["State"]);
    }

    [Fact]
    public void TargetIsTheWebAliasWithTheKeepWarmControlEvent()
    {
        Assert.Equal(_given.Web.AliasLogicalId, (string?)Target["Arn"]!["Ref"]);
        var input = JsonNode.Parse((string)Target["Input"]!)!;
        Assert.Equal(SwaControlEvent.KeepWarmKind, (string?)input[SwaControlEvent.Envelope]![SwaControlEvent.Kind]);
        Assert.Equal("""{"serverlessWebApp":{"kind":"keep-warm"}}""", (string)Target["Input"]!);
        Assert.Equal(_given.KeepWarm!.Input, (string)Target["Input"]!);
    }

    [Fact]
    public void TargetRetriesThenDeadLettersToAnEncryptedTlsOnlyQueue()
    {
        Assert.Equal(2, (int)Target["RetryPolicy"]!["MaximumRetryAttempts"]!);
        Assert.Equal(60, (int)Target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
        var dlqId = (string)Target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]!;
        Assert.True((bool)Json.Properties(dlqId)["SqsManagedSseEnabled"]!);
        var statements = Json.OfType("AWS::SQS::QueuePolicy")
            .Single(p => p.Value["Properties"]!["Queues"]!.AsArray().Any(q => (string?)q!["Ref"] == dlqId))
            .Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(statements, s => (string?)s!["Effect"] == "Deny" && (string?)s["Condition"]!["Bool"]!["aws:SecureTransport"] == "false");
        // EventBridge may deliver to it, but only from this rule
        var allow = statements.Single(s => (string?)s!["Effect"] == "Allow")!;
        Assert.Equal("events.amazonaws.com", (string?)allow["Principal"]!["Service"]);
        Assert.NotNull(allow["Condition"]!["ArnEquals"]!["aws:SourceArn"]);
    }

    [Fact]
    public void OnlyTheRuleMayInvokeTheWebAlias()
    {
        var permissions = Json.OfType("AWS::Lambda::Permission").Select(p => p.Value["Properties"]!).ToList();
        var permission = Assert.Single(permissions);
        Assert.Equal(_given.Web.AliasLogicalId, (string?)permission["FunctionName"]!["Ref"]);
        Assert.Equal("events.amazonaws.com", (string?)permission["Principal"]);
        var ruleId = Assert.Single(Json.OfType("AWS::Events::Rule")).Key;
        Assert.Equal(ruleId, (string?)permission["SourceArn"]!["Fn::GetAtt"]![0]);
    }
}
