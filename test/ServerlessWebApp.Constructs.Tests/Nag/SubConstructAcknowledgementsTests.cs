using System.Text.Json.Nodes;
using Serverless.WebApp.Constructs.KeepWarming;
using Serverless.WebApp.Constructs.Nag;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Nag;

/// <summary>
/// Only the cdk-nag rules that cannot apply are acknowledged, each on its own resource with a reason; the task queue
/// itself and everything else carry no acknowledgement.
/// </summary>
[Collection("cdk")]
public sealed class SubConstructAcknowledgementsTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
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
        Assert.Equal(SubConstructAcknowledgements.TerminalDeadLetterQueueReason, rules["Serverless-SQSRedrivePolicy"]);
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
    public void ASuppliedControlDeadLetterQueueIsAcknowledgedOnceThoughKeepWarmAndSchedulesBothUseIt()
    {
        // GIVEN one queue of the app passed to keep-warm and to the schedules as their dead-letter queue
        var json = templates.Supplied.Json;
        var queue = json.OfType("AWS::SQS::Queue").Single(q => q.Key.StartsWith("ControlDeadLetterQueue", StringComparison.Ordinal)).Value;

        // THEN it carries the two acknowledgements a target dead-letter queue needs, once each
        var rules = queue["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(["AwsSolutions-SQS3", "Serverless-SQSRedrivePolicy"], rules.Order());
    }

    [Fact]
    public void AcknowledgingASuppliedQueueKeepsWhatTheUserAcknowledgedOnIt()
    {
        // GIVEN a queue of the app on which the user already acknowledged a finding of their own
        var stack = new Amazon.CDK.Stack(TestFolders.NewApp(), "Merge");
        var web = TestFunction.Create(stack, "Web");
        var queue = new Amazon.CDK.AWS.SQS.Queue(stack, "Shared", SecureQueueDefaults.DeadLetterQueue());
        NagAcknowledgement.AddTo(queue, "AwsSolutions-SQS4", "The user's own reason, written before the keep-warm rule.");

        // WHEN keep-warm uses it as its dead-letter queue
        _ = new KeepWarm(stack, "KeepWarm", new KeepWarmProps { Alias = web.Alias, DeadLetterQueue = queue });

        // THEN the user's acknowledgement is kept beside the construct's (merged, not replaced)
        var resource = new TemplateJson(Amazon.CDK.Assertions.Template.FromStack(stack)).OfType("AWS::SQS::Queue").Single().Value;
        Assert.Equal(["AwsSolutions-SQS3", "AwsSolutions-SQS4", "Serverless-SQSRedrivePolicy"], Acknowledged(resource.AsObject()).Keys.Order());
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
