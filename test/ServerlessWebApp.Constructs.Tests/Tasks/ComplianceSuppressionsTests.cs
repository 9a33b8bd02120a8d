using System.Text.Json.Nodes;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>
/// Only the cdk-nag rules that cannot apply are acknowledged, each on its own resource with a reason; the task queue
/// itself and everything else carry no acknowledgement.
/// </summary>
[Collection("cdk")]
public sealed class ComplianceSuppressionsTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private static Dictionary<string, string> Acknowledged(JsonObject resource) =>
        resource["Metadata"]?["cdk_nag"]?["rules_to_suppress"]?.AsArray()
            .ToDictionary(r => (string)r!["id"]!, r => (string)r!["reason"]!) ?? [];

    [Fact]
    public void TaskDeadLetterQueueAcknowledgesOnlyTheRedrivePolicyRule()
    {
        var given = templates.Defaults;
        var dlq = given.Json.Resources[given.Stack.GetLogicalId((Amazon.CDK.CfnElement)given.Queue!.DeadLetterQueue.Node.DefaultChild!)]!.AsObject();
        var rules = Acknowledged(dlq);
        Assert.Equal(["Serverless-SQSRedrivePolicy"], rules.Keys);
        Assert.Equal(ComplianceSuppressions.TerminalDeadLetterQueueReason, rules["Serverless-SQSRedrivePolicy"]);
    }

    [Fact]
    public void TaskQueueItselfAcknowledgesNothing()
    {
        var given = templates.Defaults;
        var queue = given.Json.Resources[given.Stack.GetLogicalId((Amazon.CDK.CfnElement)given.Queue!.Queue.Node.DefaultChild!)]!.AsObject();
        Assert.Empty(Acknowledged(queue));
    }

    [Fact]
    public void EventSourceMappingAcknowledgesTheUnsupportedOnFailureDestination()
    {
        var mapping = Assert.Single(templates.Defaults.Json.OfType("AWS::Lambda::EventSourceMapping")).Value;
        Assert.Equal(["Serverless-LambdaEventSourceMappingDestination"], Acknowledged(mapping).Keys);
    }

    [Fact]
    public void ControlDeadLetterQueuesAcknowledgeTheTargetDeadLetterQueueFinding()
    {
        var json = templates.Defaults.Json;
        foreach (var prefix in new[] { "KeepWarmDeadLetterQueue", "SchedulesDeadLetterQueue" })
        {
            var queue = json.OfType("AWS::SQS::Queue").Single(q => q.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
            Assert.Equal(["AwsSolutions-SQS3", "Serverless-SQSRedrivePolicy"], Acknowledged(queue).Keys.Order());
        }
    }

    [Fact]
    public void NoOtherResourceAcknowledgesAnything()
    {
        foreach (var json in new[] { templates.Defaults.Json, templates.OptIns.Json, templates.HundredSchedules.Json })
        {
            var annotated = json.Resources.Where(r => Acknowledged(r.Value!.AsObject()).Count > 0)
                .Select(r => (string)r.Value!["Type"]!)
                .ToHashSet();
            Assert.Subset(new HashSet<string> { "AWS::SQS::Queue", "AWS::Lambda::EventSourceMapping" }, annotated);
        }
    }
}
