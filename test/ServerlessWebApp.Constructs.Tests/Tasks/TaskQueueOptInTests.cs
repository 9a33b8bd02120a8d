using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>The task queue with every opt-in: customer-managed key, payload bucket, batching window, concurrency cap.</summary>
[Collection("cdk")]
public sealed class TaskQueueOptInTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private readonly TasksTemplates.Synthesized _given = templates.OptIns;
    private TemplateJson Json => _given.Json;
    private string KeyId => Assert.Single(Json.OfType("AWS::KMS::Key")).Key;
    private string BucketId => Assert.Single(Json.OfType("AWS::S3::Bucket")).Key;

    [Fact]
    public void CustomerKeyEncryptsQueuesTableAndBucket()
    {
        foreach (var queue in Json.OfType("AWS::SQS::Queue"))
            Assert.Equal(KeyId, (string?)queue.Value["Properties"]!["KmsMasterKeyId"]!["Fn::GetAtt"]![0]);
        var sse = Assert.Single(Json.OfType("AWS::DynamoDB::Table")).Value["Properties"]!["SSESpecification"]!;
        Assert.Equal("KMS", (string?)sse["SSEType"]);
        Assert.Equal(KeyId, (string?)sse["KMSMasterKeyId"]!["Fn::GetAtt"]![0]);
        var bucketSse = Json.Properties(BucketId)["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!;
        Assert.Equal("aws:kms", (string?)bucketSse["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);
    }

    [Fact]
    public void FunctionsGetOnlyTheKeyActionsTheyUse()
    {
        var web = Json.ActionsOfRole(_given.Web.RoleLogicalId).Where(a => a.StartsWith("kms:", StringComparison.Ordinal)).ToHashSet();
        var worker = Json.ActionsOfRole(_given.Worker.RoleLogicalId).Where(a => a.StartsWith("kms:", StringComparison.Ordinal)).ToHashSet();
        Assert.Subset(new HashSet<string> { "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey" }, web);
        Assert.Subset(new HashSet<string> { "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey" }, worker);
        Assert.Contains("kms:GenerateDataKey", web);
        Assert.Contains("kms:Decrypt", worker);
    }

    [Fact]
    public void BatchingWindowAndMaximumConcurrencyReachTheEventSource()
    {
        var mapping = Assert.Single(Json.OfType("AWS::Lambda::EventSourceMapping")).Value["Properties"]!;
        Assert.Equal(100, (int)mapping["BatchSize"]!);
        Assert.Equal(5, (int)mapping["MaximumBatchingWindowInSeconds"]!);
        Assert.Equal(20, (int)mapping["ScalingConfig"]!["MaximumConcurrency"]!);
        var queue = Json.OfType("AWS::SQS::Queue").Single(q => q.Value["Properties"]!["RedrivePolicy"] is not null).Value["Properties"]!;
        Assert.Equal(5, (int)queue["RedrivePolicy"]!["maxReceiveCount"]!);
        // 6 × worker timeout + batching window
        Assert.Equal(6 * TasksTemplates.WorkerTimeoutSeconds + 5, (int)queue["VisibilityTimeout"]!);
    }

    [Fact]
    public void PayloadBucketIsPrivateVersionedExpiringLoggedAndTlsOnly()
    {
        var bucket = Json.Properties(BucketId);
        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.All(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], k => Assert.True((bool)block[k]!));
        Assert.Equal("Enabled", (string?)bucket["VersioningConfiguration"]!["Status"]);
        var rule = bucket["LifecycleConfiguration"]!["Rules"]![0]!;
        Assert.Equal(30, (int)rule["ExpirationInDays"]!);
        Assert.Equal(1, (int)rule["NoncurrentVersionExpiration"]!["NoncurrentDays"]!);
        Assert.Equal("access-logs-bucket", (string?)bucket["LoggingConfiguration"]!["DestinationBucketName"]);
        var policy = Assert.Single(Json.OfType("AWS::S3::BucketPolicy")).Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(policy, s => (string?)s!["Condition"]?["Bool"]?["aws:SecureTransport"] == "false" && (string?)s["Effect"] == "Deny");
    }

    [Fact]
    public void WebMayOnlyPutPayloadsAndWorkerMayOnlyGetThem()
    {
        var web = Json.ActionsOfRole(_given.Web.RoleLogicalId).Where(a => a.StartsWith("s3:", StringComparison.Ordinal));
        var worker = Json.ActionsOfRole(_given.Worker.RoleLogicalId).Where(a => a.StartsWith("s3:", StringComparison.Ordinal));
        Assert.Equal(["s3:PutObject"], web);
        Assert.Equal(["s3:GetObject"], worker);
    }

    [Fact]
    public void ExposedStatementsAreExactlyWhatTheRolesReceive()
    {
        // THEN the statements offered for supplied roles match what the created roles got, action for action
        var stack = _given.Stack;
        ISet<string> Exposed(IEnumerable<Amazon.CDK.AWS.IAM.PolicyStatement> statements) => statements
            .SelectMany(s => TemplateJson.Actions(TemplateJson.Render(stack, s)))
            .ToHashSet();
        Assert.Equal(Json.ActionsOfRole(_given.Web.RoleLogicalId), Exposed(_given.Queue!.WebStatements));
        Assert.Equal(Json.ActionsOfRole(_given.Worker.RoleLogicalId), Exposed(_given.Queue.WorkerStatements));
    }

    [Fact]
    public void BothFunctionsLearnThePayloadBucketName()
    {
        foreach (var function in new[] { _given.Web, _given.Worker })
        {
            var variables = Json.Properties(function.LogicalId)["Environment"]!["Variables"]!;
            Assert.Equal(BucketId, (string?)variables[SwaEnvironment.TaskPayloadBucket]!["Ref"]);
        }
    }
}
