using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.WebApp.Constructs.Tests.Tasks;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.EventSources;

/// <summary>What each kind of event source puts in the template, with its grants, on a worker created for the events.</summary>
[Collection("cdk")]
public sealed class EventSourcesTemplateTests(EventSourcesStack shared) : IClassFixture<EventSourcesStack>
{
    private readonly TemplateJson _template = shared.Template;

    [Fact]
    public void WorkerIsCreatedForTheEventsAndRegistersEveryNameWithItsSourceArn()
    {
        var worker = Function("worker");
        var variable = JsonSerializer.Serialize(worker["Environment"]!["Variables"]![SwaEnvironment.EventSources]);
        foreach (var name in new[] { "uploads=", "alerts=", "orders=", "changes=", "clicks=", "audit=" }) Assert.Contains(name, variable);
        Assert.Equal(300, (int)worker["Timeout"]!);
        Assert.Null(Function("web")["Environment"]!["Variables"]![SwaEnvironment.EventSources]);
        Assert.NotNull(shared.App.WorkerAlias);
    }

    [Fact]
    public void QueueIsMappedWithPartialBatchResponsesAndTheWorkerMayConsumeOnlyIt()
    {
        var mapping = Mapping("Orders");
        Assert.Equal(["ReportBatchItemFailures"], mapping["FunctionResponseTypes"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(5, (int)mapping["BatchSize"]!);
        Assert.Contains("WorkerLiveAlias", JsonSerializer.Serialize(mapping["FunctionName"]));
        var consume = Statement("worker", "sqs:ReceiveMessage");
        Assert.Equal(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
            TemplateJson.Actions(consume).Order());
        Assert.Contains("Orders", JsonSerializer.Serialize(consume["Resource"]));
    }

    [Fact]
    public void TableStreamIsMappedWithBisectRetriesAndAnOnFailureQueue()
    {
        var mapping = Mapping("Items");
        AssertStreamDefaults(mapping);
        Assert.Equal(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
            TemplateJson.Actions(Statement("worker", "dynamodb:GetRecords")).Order());
        Assert.Contains("StreamArn", JsonSerializer.Serialize(Statement("worker", "dynamodb:GetRecords")["Resource"]));
        Assert.Equal("*", (string?)Statement("worker", "dynamodb:ListStreams")["Resource"]);
    }

    [Fact]
    public void KinesisStreamIsMappedWithBisectRetriesAndAnOnFailureQueue()
    {
        AssertStreamDefaults(Mapping("Clicks"));
        var read = Statement("worker", "kinesis:GetRecords");
        Assert.Contains("Clicks", JsonSerializer.Serialize(read["Resource"]));
        Assert.DoesNotContain(TemplateJson.Actions(read), a => a.EndsWith('*'));
    }

    [Fact]
    public void TopicSubscribesTheWorkerAliasWithADeadLetterQueueAndOnlyThatTopicMayInvoke()
    {
        var subscription = Assert.Single(_template.OfType("AWS::SNS::Subscription")).Value["Properties"]!.AsObject();
        Assert.Equal("lambda", (string?)subscription["Protocol"]);
        Assert.Contains("WorkerLiveAlias", JsonSerializer.Serialize(subscription["Endpoint"]));
        Assert.Contains("alertsDeadLetterQueue", JsonSerializer.Serialize(subscription["RedrivePolicy"]));
        var permission = Permission("sns.amazonaws.com");
        Assert.Contains("Alerts", JsonSerializer.Serialize(permission["SourceArn"]));
    }

    [Fact]
    public void BucketNotifiesTheWorkerAliasForNewObjectsUnderThePrefix()
    {
        var notifications = Assert.Single(_template.OfType("Custom::S3BucketNotifications")).Value["Properties"]!.AsObject();
        var configuration = notifications["NotificationConfiguration"]!["LambdaFunctionConfigurations"]![0]!;
        Assert.Equal(["s3:ObjectCreated:*"], configuration["Events"]!.AsArray().Select(e => (string)e!));
        Assert.Contains("incoming/", JsonSerializer.Serialize(configuration["Filter"]));
        Assert.Contains("WorkerLiveAlias", JsonSerializer.Serialize(configuration["LambdaFunctionArn"]));
        Assert.Contains("foundry-uploads", JsonSerializer.Serialize(Permission("s3.amazonaws.com")["SourceArn"]));
    }

    [Fact]
    public void PatternRuleDeliversTheEnvelopeNamingItsRuleWithADeadLetterQueue()
    {
        var rule = _template.OfType("AWS::Events::Rule").Select(r => r.Value["Properties"]!.AsObject())
            .Single(r => r["EventPattern"] is not null && JsonSerializer.Serialize(r["EventPattern"]).Contains("aws.ec2"));
        var target = rule["Targets"]![0]!;
        Assert.Equal(SwaEventBridgeEnvelope.InputTemplate, (string?)target["InputTransformer"]!["InputTemplate"]);
        Assert.NotNull(target["DeadLetterConfig"]);
        Assert.Contains("Bus", JsonSerializer.Serialize(rule["EventBusName"]));

        // THEN the worker registers the rule's own ARN: the bus name and the rule's explicit name
        var ruleName = (string)rule["Name"]!;
        Assert.EndsWith("-audit", ruleName);
        var variable = JsonSerializer.Serialize(Function("worker")["Environment"]!["Variables"]![SwaEnvironment.EventSources]);
        Assert.Contains($"/{ruleName}", variable);
        Assert.Contains(":rule/", variable);
    }

    [Fact]
    public void FailureQueuesAreEncryptedAndTheWorkerMaySendOnlyToThem()
    {
        var failureQueues = _template.OfType("AWS::SQS::Queue").Where(q => q.Key.Contains("FailureQueue") || q.Key.Contains("DeadLetterQueue") && q.Key.StartsWith("WebAppEventSources")).ToList();
        Assert.Equal(4, failureQueues.Count); // table and Kinesis on-failure, topic and rule dead-letter
        Assert.All(failureQueues, q => Assert.True((bool)q.Value["Properties"]!["SqsManagedSseEnabled"]!));
        var send = _template.StatementsOfRole(RoleOf("worker")).Where(s => TemplateJson.Actions(s).Contains("sqs:SendMessage")).ToList();
        Assert.All(send, s => Assert.DoesNotContain("Orders", JsonSerializer.Serialize(s["Resource"])));
    }

    [Fact]
    public void NoEventSourceGrantUsesAWildcardAction()
    {
        var actions = _template.ActionsOfRole(RoleOf("worker"));
        Assert.DoesNotContain(actions, a => a.Contains('*'));
    }

    private static void AssertStreamDefaults(JsonObject mapping)
    {
        Assert.Equal("LATEST", (string?)mapping["StartingPosition"]);
        Assert.True((bool)mapping["BisectBatchOnFunctionError"]!);
        Assert.Equal(3, (int)mapping["MaximumRetryAttempts"]!);
        Assert.Equal(["ReportBatchItemFailures"], mapping["FunctionResponseTypes"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("FailureQueue", JsonSerializer.Serialize(mapping["DestinationConfig"]!["OnFailure"]));
    }

    private JsonObject Mapping(string sourceLogicalIdPart) =>
        _template.OfType("AWS::Lambda::EventSourceMapping").Select(m => m.Value["Properties"]!.AsObject())
            .Single(m => JsonSerializer.Serialize(m["EventSourceArn"]).Contains(sourceLogicalIdPart));

    private JsonObject Function(string role) =>
        _template.OfType("AWS::Lambda::Function").Select(f => f.Value["Properties"]!.AsObject())
            .Single(f => (string?)f["Environment"]?["Variables"]?[SwaEnvironment.FunctionRole] == role);

    private string RoleOf(string functionRole) => (string)Function(functionRole)["Role"]!["Fn::GetAtt"]![0]!;

    private JsonObject Statement(string functionRole, string action) =>
        _template.StatementsOfRole(RoleOf(functionRole)).Single(s => TemplateJson.Actions(s).Contains(action));

    private JsonObject Permission(string principal) =>
        _template.OfType("AWS::Lambda::Permission").Select(p => p.Value["Properties"]!.AsObject())
            .Single(p => (string?)p["Principal"] == principal);
}
