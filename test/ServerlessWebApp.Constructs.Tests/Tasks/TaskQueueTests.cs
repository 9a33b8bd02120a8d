using System.Text.Json.Nodes;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>The task queue with its defaults: web function sends, worker consumes through its live alias, status table on.</summary>
[Collection("cdk")]
public sealed class TaskQueueTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private readonly TasksTemplates.Synthesized _given = templates.Defaults;
    private TemplateJson Json => _given.Json;
    private string QueueId => _given.Stack.GetLogicalId((Amazon.CDK.CfnElement)_given.Queue!.Queue.Node.DefaultChild!);
    private string DeadLetterQueueId => _given.Stack.GetLogicalId((Amazon.CDK.CfnElement)_given.Queue!.DeadLetterQueue.Node.DefaultChild!);

    [Fact]
    public void QueueAndDeadLetterQueueUseSqsManagedEncryption()
    {
        // GIVEN the default task queue  THEN both queues are SSE-SQS encrypted and use no KMS key
        foreach (var id in new[] { QueueId, DeadLetterQueueId })
        {
            Assert.True((bool)Json.Properties(id)["SqsManagedSseEnabled"]!);
            Assert.Null(Json.Properties(id)["KmsMasterKeyId"]);
        }
    }

    [Fact]
    public void QueueAndDeadLetterQueueDenyRequestsWithoutTls()
    {
        foreach (var id in new[] { QueueId, DeadLetterQueueId })
        {
            var policy = Json.OfType("AWS::SQS::QueuePolicy")
                .Single(p => p.Value["Properties"]!["Queues"]!.AsArray().Any(q => (string?)q!["Ref"] == id));
            var deny = policy.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
                .Single(s => (string?)s!["Effect"] == "Deny");
            Assert.Equal("false", (string?)deny!["Condition"]!["Bool"]!["aws:SecureTransport"]);
        }
    }

    [Fact]
    public void QueueRedrivesToDeadLetterQueueAfterThreeReceives()
    {
        var redrive = Json.Properties(QueueId)["RedrivePolicy"]!;
        Assert.Equal(3, (int)redrive["maxReceiveCount"]!);
        Assert.Equal(DeadLetterQueueId, (string?)redrive["deadLetterTargetArn"]!["Fn::GetAtt"]![0]);
        Assert.Equal(14 * 86400, (int)Json.Properties(DeadLetterQueueId)["MessageRetentionPeriod"]!);
    }

    [Fact]
    public void VisibilityTimeoutIsSixTimesTheWorkerTimeout()
    {
        Assert.Equal(6 * TasksTemplates.WorkerTimeoutSeconds, (int)Json.Properties(QueueId)["VisibilityTimeout"]!);
    }

    [Fact]
    public void WorkerAliasConsumesTheQueueWithPartialBatchResponses()
    {
        // THEN the one event source mapping reads this queue, invokes the worker's live alias (not $LATEST)
        // and lets the worker report which messages of a batch failed
        var mapping = Assert.Single(Json.OfType("AWS::Lambda::EventSourceMapping")).Value["Properties"]!;
        Assert.Equal(QueueId, (string?)mapping["EventSourceArn"]!["Fn::GetAtt"]![0]);
        var functionName = mapping["FunctionName"]!.ToJsonString();
        Assert.Contains(_given.Worker.AliasLogicalId, functionName);
        Assert.Contains(":live", functionName);
        Assert.Equal(["ReportBatchItemFailures"], mapping["FunctionResponseTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(10, (int)mapping["BatchSize"]!);
    }

    [Fact]
    public void WebRoleMayOnlySendToTheQueue()
    {
        var statements = Json.StatementsOfRole(_given.Web.RoleLogicalId)
            .Where(s => TemplateJson.Actions(s).Any(a => a.StartsWith("sqs:", StringComparison.Ordinal)));
        var statement = Assert.Single(statements);
        Assert.Equal(["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"], TemplateJson.Actions(statement).Order());
        Assert.Equal(QueueId, (string?)statement["Resource"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void WorkerRoleMayOnlyConsumeFromTheQueue()
    {
        var sqsActions = Json.ActionsOfRole(_given.Worker.RoleLogicalId).Where(a => a.StartsWith("sqs:", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("sqs:ReceiveMessage", sqsActions);
        Assert.Contains("sqs:DeleteMessage", sqsActions);
        Assert.DoesNotContain("sqs:SendMessage", sqsActions);
        Assert.Subset(new HashSet<string> { "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl" }, sqsActions);
    }

    [Fact]
    public void StatusTableIsOnDemandWithTimeToLivePointInTimeRecoveryAndAwsManagedKmsEncryption()
    {
        var table = Assert.Single(Json.OfType("AWS::DynamoDB::Table")).Value["Properties"]!;
        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
        Assert.Equal(SwaTaskStatusTable.TimeToLiveAttribute, (string?)table["TimeToLiveSpecification"]!["AttributeName"]);
        Assert.True((bool)table["TimeToLiveSpecification"]!["Enabled"]!);
        Assert.True((bool)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.Equal(SwaTaskStatusTable.PartitionKey, (string?)table["KeySchema"]![0]!["AttributeName"]);
        // KMS with DynamoDB's AWS-managed key (aws/dynamodb): no monthly charge, and what Control Tower's CT.DYNAMODB.PR.2 asks
        Assert.True((bool)table["SSESpecification"]!["SSEEnabled"]!);
        Assert.Null(table["SSESpecification"]!["KMSMasterKeyId"]);
        Assert.Equal("Retain", (string?)Assert.Single(Json.OfType("AWS::DynamoDB::Table")).Value["DeletionPolicy"]);
    }

    [Fact]
    public void WebCreatesReadsAndWithdrawsStatusItemsWhileOnlyWorkerUpdatesThem()
    {
        var web = Json.ActionsOfRole(_given.Web.RoleLogicalId).Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal));
        var worker = Json.ActionsOfRole(_given.Worker.RoleLogicalId).Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal));
        Assert.Equal(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"], web.Order());
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], worker.Order());
    }

    [Fact]
    public void WebGetsQueueUrlAndTableWhileWorkerGetsOnlyTheTable()
    {
        var web = Json.Properties(_given.Web.LogicalId)["Environment"]!["Variables"]!.AsObject();
        var worker = Json.Properties(_given.Worker.LogicalId)["Environment"]!["Variables"]!.AsObject();
        var tableId = Assert.Single(Json.OfType("AWS::DynamoDB::Table")).Key;
        Assert.Equal(QueueId, (string?)web[SwaEnvironment.TaskQueueUrl]!["Ref"]);
        Assert.Equal(tableId, (string?)web[SwaEnvironment.TaskStatusTable]!["Ref"]);
        Assert.Equal(tableId, (string?)worker[SwaEnvironment.TaskStatusTable]!["Ref"]);
        Assert.False(worker.ContainsKey(SwaEnvironment.TaskQueueUrl));
        Assert.False(web.ContainsKey(SwaEnvironment.TaskPayloadBucket));
        Assert.Equal([SwaEnvironment.TaskQueueUrl, SwaEnvironment.TaskStatusTable], _given.Queue!.WebEnvironment.Keys.Order());
    }

    [Fact]
    public void QueueUrlAndDeadLetterQueueUrlAreStackOutputs()
    {
        var outputs = Json.Outputs.Select(o => o.Value!["Value"]!["Ref"]?.GetValue<string>()).ToList();
        Assert.Contains(QueueId, outputs);
        Assert.Contains(DeadLetterQueueId, outputs);
    }

    [Fact]
    public void NoPayloadBucketUnlessAskedFor()
    {
        Assert.Empty(Json.OfType("AWS::S3::Bucket"));
        Assert.Null(_given.Queue!.PayloadBucket);
    }
}
