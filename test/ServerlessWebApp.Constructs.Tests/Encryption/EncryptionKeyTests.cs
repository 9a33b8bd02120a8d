using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Encryption;

/// <summary><c>EncryptionKey</c>: one customer-managed key for every store of the app, its policy, and the grants it needs.</summary>
[Collection("cdk")]
public class EncryptionKeyTests
{
    private static readonly ScheduledTask[] Nightly = [new() { Name = "nightly", Expression = "cron(0 2 * * ? *)", Task = "report" }];

    private static void Everything(ServerlessWebAppProps p)
    {
        p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
        p.UploadsBucket = true;
        p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true, Schedules = Nightly };
        p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true };
    }

    private static readonly Lazy<Template> WithCreatedKey = new(() => TestStacks.Synth(p => { Everything(p); p.DataProtection = new ServerlessWebAppDataProtectionProps { EncryptionKey = true }; }));

    private static Dictionary<string, object> KeyArn(string keyId) => new() { ["Fn::GetAtt"] = new[] { keyId, "Arn" } };

    [Fact]
    public void TrueCreatesOneRotatedRetainedKeyThatEveryQueueTableDataBucketLogGroupAndFunctionUses()
    {
        // GIVEN every part of the app and EncryptionKey = true
        var template = WithCreatedKey.Value;

        // THEN there is one key, rotated, kept when the stack goes
        var key = Assert.Single(template.FindResources("AWS::KMS::Key"));
        Assert.Equal(true, TestStacks.Properties((IDictionary<string, object>)key.Value)["EnableKeyRotation"]);
        Assert.Equal("Retain", ((IDictionary<string, object>)key.Value)["DeletionPolicy"]);
        var arn = KeyArn(key.Key);

        // AND every queue (task queue and each dead-letter queue), the table, each log group and each app function use it
        template.AllResourcesProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object> { ["KmsMasterKeyId"] = arn }));
        template.AllResourcesProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            ["SSESpecification"] = Match.ObjectLike(new Dictionary<string, object> { ["KMSMasterKeyId"] = arn, ["SSEEnabled"] = true }),
        }));
        template.AllResourcesProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object> { ["KmsKeyId"] = arn }));
        var appFunctions = template.FindResources("AWS::Lambda::Function").Values
            .Select(f => TestStacks.Properties((IDictionary<string, object>)f))
            .Where(f => f.ContainsKey("Environment") && JsonSerializer.Serialize(f["Environment"]).Contains("SWA_FUNCTION_ROLE", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, appFunctions.Count);
        Assert.All(appFunctions, f => Assert.Equal(JsonSerializer.Serialize(arn), JsonSerializer.Serialize(f["KmsKeyArn"])));

        // AND the static, uploads and payload buckets, but not the access-log bucket, which S3 can only log to with SSE-S3
        var buckets = template.FindResources("AWS::S3::Bucket");
        Assert.Equal(4, buckets.Count);
        foreach (var (id, bucket) in buckets)
        {
            var encryption = JsonSerializer.Serialize(TestStacks.Properties((IDictionary<string, object>)bucket)["BucketEncryption"]);
            if (id.Contains("AccessLogs", StringComparison.Ordinal)) Assert.Contains("\"AES256\"", encryption);
            else Assert.Contains(JsonSerializer.Serialize(arn), encryption);
        }
    }

    [Fact]
    public void CreatedKeyLetsCloudWatchLogsAndEventBridgeUseItAndOnlyAwsServicesCreateGrants()
    {
        var policy = JsonSerializer.Serialize(TestStacks.Properties(TestStacks.Single(WithCreatedKey.Value, "AWS::KMS::Key"))["KeyPolicy"]);
        using var document = JsonDocument.Parse(policy);
        var statements = document.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(
            s => s.TryGetProperty("Sid", out var sid) ? sid.GetString()! : "", s => s.GetRawText());

        Assert.Contains("kms:EncryptionContext:aws:logs:arn", statements["CloudWatchLogsEncryptsLogGroups"]);
        Assert.Contains("logs.", statements["CloudWatchLogsEncryptsLogGroups"]);
        Assert.Contains("events.amazonaws.com", statements["EventBridgeSendsToDeadLetterQueues"]);
        Assert.Contains("aws:SourceAccount", statements["EventBridgeSendsToDeadLetterQueues"]);
        Assert.DoesNotContain("CloudWatchAlarmsPublishToTheAlarmTopic", statements.Keys); // no alarm topic without Monitoring
        using var deny = JsonDocument.Parse(statements["OnlyAwsServicesCreateGrants"]);
        Assert.Equal("Deny", deny.RootElement.GetProperty("Effect").GetString());
        Assert.Equal("kms:CreateGrant", deny.RootElement.GetProperty("Action").GetString());
        var condition = deny.RootElement.GetProperty("Condition").GetProperty("BoolIfExists");
        Assert.Equal("false", condition.GetProperty("kms:GrantIsForAWSResource").GetString());
        Assert.Equal("false", condition.GetProperty("aws:PrincipalIsAWSService").GetString());
    }

    [Fact]
    public void TheAlarmTopicAndTheReleaseHooksLogsUseTheKeyAndOnlyThisAccountsAlarmsMayPublishThroughIt()
    {
        // GIVEN monitoring with its own alarm topic, a release with a command hook, and EncryptionKey = true
        var template = TestStacks.Synth(p =>
        {
            p.DataProtection = new ServerlessWebAppDataProtectionProps { EncryptionKey = true };
            p.Monitoring = new ServerlessWebAppMonitoringProps();
            p.Deployment = new ServerlessWebAppDeploymentProps { PreTraffic = DeploymentHook.Command("migrate") };
        });
        var keyId = template.FindResources("AWS::KMS::Key").Keys.Single();

        // THEN the topic and every log group, the hook's among them, are encrypted with the key
        template.HasResourceProperties("AWS::SNS::Topic", Match.ObjectLike(new Dictionary<string, object> { ["KmsMasterKeyId"] = KeyArn(keyId) }));
        Assert.Contains(template.FindResources("AWS::Logs::LogGroup").Keys, id => id.Contains("PreTraffic", StringComparison.Ordinal));
        template.AllResourcesProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object> { ["KmsKeyId"] = KeyArn(keyId) }));

        // AND the key lets CloudWatch alarms of this account and region, and only those, publish through it
        using var policy = JsonDocument.Parse(JsonSerializer.Serialize(TestStacks.Properties(TestStacks.Single(template, "AWS::KMS::Key"))["KeyPolicy"]));
        var alarms = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Single(s => s.TryGetProperty("Sid", out var sid) && sid.GetString() == "CloudWatchAlarmsPublishToTheAlarmTopic");
        Assert.Equal("cloudwatch.amazonaws.com", alarms.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(new[] { "kms:Decrypt", "kms:GenerateDataKey*" }, alarms.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.True(alarms.GetProperty("Condition").GetProperty("StringEquals").TryGetProperty("aws:SourceAccount", out _));
        Assert.Contains(":alarm:*", alarms.GetProperty("Condition").GetProperty("ArnLike").GetProperty("aws:SourceArn").GetRawText());
    }

    [Fact]
    public void EventSourceFailureQueuesUseTheKeyAndTheServicesThatSendToThemMayUseIt()
    {
        // GIVEN a source of every kind, no keep-warm ping (whose dead letters also need EventBridge), and EncryptionKey = true
        var template = TestStacks.Synth(p =>
        {
            p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = false };
            p.DataProtection = new ServerlessWebAppDataProtectionProps { EncryptionKey = true };
        }, (stack, p) => p.EventSources = new ServerlessWebAppEventSourcesProps { Sources = EventSources.EventSourcesStack.Sources(stack) });
        var keyId = template.FindResources("AWS::KMS::Key").Keys.Single();

        // THEN the dead-letter queues of the topic and the event pattern and the failure queues of the two streams use the key
        var failureQueues = template.FindResources("AWS::SQS::Queue").Where(q => q.Key.Contains("EventSources", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, failureQueues.Count);
        Assert.All(failureQueues, q => Assert.Equal(JsonSerializer.Serialize(KeyArn(keyId)),
            JsonSerializer.Serialize(TestStacks.Properties((IDictionary<string, object>)q.Value)["KmsMasterKeyId"])));

        // AND EventBridge may use the key for this account's rules, SNS for the source's topic only
        using var policy = JsonDocument.Parse(JsonSerializer.Serialize(TestStacks.Properties(TestStacks.Single(template, "AWS::KMS::Key"))["KeyPolicy"]));
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Where(s => s.TryGetProperty("Sid", out _)).ToDictionary(s => s.GetProperty("Sid").GetString()!);
        Assert.Equal("events.amazonaws.com", statements["EventBridgeSendsToDeadLetterQueues"].GetProperty("Principal").GetProperty("Service").GetString());
        var sns = statements["SnsSendsToDeadLetterQueues"];
        Assert.Equal("sns.amazonaws.com", sns.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(new[] { "kms:GenerateDataKey", "kms:Decrypt" }, sns.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        var topic = template.FindResources("AWS::SNS::Topic").Keys.Single(id => id.StartsWith("Alerts", StringComparison.Ordinal));
        Assert.Equal($"[{{\"Ref\":\"{topic}\"}}]", sns.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn").GetRawText());
    }

    [Fact]
    public void EveryCreatedRoleThatTouchesEncryptedDataMayDecryptAndGenerateDataKeys()
    {
        // GIVEN the web, worker, scheduler and static-asset deployment roles THEN each may use the key, with named actions
        var template = WithCreatedKey.Value;
        var keyId = template.FindResources("AWS::KMS::Key").Keys.Single();
        var policies = template.FindResources("AWS::IAM::Policy").Values.Select(p => JsonSerializer.Serialize(p)).ToList();
        var usingKey = policies.Count(p => p.Contains("\"kms:Decrypt\"", StringComparison.Ordinal) && p.Contains("\"kms:GenerateDataKey\"", StringComparison.Ordinal) && p.Contains(keyId, StringComparison.Ordinal));
        Assert.True(usingKey >= 4, $"expected the web, worker, scheduler and deployment policies to use the key, found {usingKey}");
    }

    [Fact]
    public void SuppliedKeyIsUsedUnchangedAndASynthWarningListsTheStatementsItsPolicyNeeds()
    {
        // GIVEN the platform team's key, imported
        var (stack, _) = TestStacks.Create(p =>
        {
            p.Tasks = new ServerlessWebAppTasksProps();
            p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true };
        }, (stack, p) => p.DataProtection = new ServerlessWebAppDataProtectionProps { EncryptionKey = CustomerManagedKey.Use(Key.FromKeyArn(stack, "PlatformKey", "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555")) });
        var template = Template.FromStack(stack);

        // THEN no key is created, the stores use the supplied one, and the warning names CloudWatch Logs and EventBridge
        template.ResourceCountIs("AWS::KMS::Key", 0);
        template.AllResourcesProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KmsKeyId"] = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555",
        }));
        var warnings = Amazon.CDK.Assertions.Annotations.FromStack(stack).FindWarning("*", Match.StringLikeRegexp("suppliedKeyPolicy"));
        var text = Assert.IsType<string>(Assert.Single(warnings).Entry.Data);
        Assert.Contains("CloudWatchLogsEncryptsLogGroups", text);
        Assert.Contains("EventBridgeSendsToDeadLetterQueues", text);
        Assert.DoesNotContain("${Token", text);
    }

    [Fact]
    public void WithSuppliedRolesTheKeyActionsLandInTheRequiredPermissionsReport()
    {
        // GIVEN supplied web and worker roles and a created key
        var artifacts = Directory.CreateTempSubdirectory("swa-kms-").FullName;
        try
        {
            var app = TestFolders.NewApp(new AppProps { Context = new Dictionary<string, object> { [ArtifactsDirectory.ContextKey] = artifacts } });
            var stack = new Stack(app, "Keyed");
            var props = TestStacks.Props(p =>
            {
                p.DataProtection = new ServerlessWebAppDataProtectionProps { EncryptionKey = true };
            });
            props.Role = Role.FromRoleArn(stack, "Web", "arn:aws:iam::123456789012:role/web", new FromRoleArnOptions { Mutable = false });
            props.Tasks = new ServerlessWebAppTasksProps
            {
                WorkerRole = Role.FromRoleArn(stack, "Worker", "arn:aws:iam::123456789012:role/worker", new FromRoleArnOptions { Mutable = false }),
            };
            _ = new ServerlessWebApp(stack, "WebApp", props);
            var template = Template.FromStack(stack);

            // THEN no IAM policy is created, and the report gives each role the key actions on the created key
            template.ResourceCountIs("AWS::IAM::Policy", 0);
            app.Synth();
            var report = Directory.GetFiles(Path.Combine(artifacts, "artifacts", "iam"), "*.required-permissions.json").Single();
            using var document = JsonDocument.Parse(File.ReadAllText(report));
            var keyId = template.FindResources("AWS::KMS::Key").Keys.Single();
            foreach (var function in document.RootElement.GetProperty("functions").EnumerateArray())
            {
                var keyStatements = function.GetProperty("statements").EnumerateArray()
                    .Where(s => s.GetProperty("resourceLogicalIds").EnumerateArray().Any(id => id.GetString() == keyId))
                    .SelectMany(s => s.GetProperty("actions").EnumerateArray().Select(a => a.GetString()))
                    .ToList();
                Assert.Contains("kms:Decrypt", keyStatements);
            }
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    [Fact]
    public void WithoutAKeyNothingIsBilledMonthlyAndStoresUseAwsManagedKeys()
    {
        // GIVEN the same app without EncryptionKey
        var template = TestStacks.Synth(Everything);

        // THEN no customer-managed key exists; the table and the data buckets use AWS KMS with the AWS-managed keys
        template.ResourceCountIs("AWS::KMS::Key", 0);
        template.AllResourcesProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            ["SSESpecification"] = new Dictionary<string, object> { ["SSEEnabled"] = true },
        }));
        foreach (var (id, bucket) in template.FindResources("AWS::S3::Bucket"))
        {
            var encryption = JsonSerializer.Serialize(TestStacks.Properties((IDictionary<string, object>)bucket)["BucketEncryption"]);
            Assert.Contains(id.Contains("AccessLogs", StringComparison.Ordinal) ? "\"AES256\"" : "\"aws:kms\"", encryption);
            Assert.DoesNotContain("KMSMasterKeyID", encryption);
        }
        template.AllResourcesProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object> { ["SqsManagedSseEnabled"] = true }));
        template.AllResourcesProperties("AWS::Logs::LogGroup", Match.Not(Match.ObjectLike(new Dictionary<string, object> { ["KmsKeyId"] = Match.AnyValue() })));
    }
}
