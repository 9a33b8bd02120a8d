using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.OrganisationStrict;

/// <summary>
/// What AWS Control Tower's proactive controls need from the construct, resource by resource: the free defaults
/// (dead-letter queues that say so, bucket events, the account on Lambda permissions) and the props for the rest.
/// </summary>
[Collection("cdk")]
public class OrganisationStrictPropsTests
{
    private const string Account = "123456789012";

    [Fact]
    public void EveryDeadLetterQueueCarriesARedriveAllowPolicyAndEveryOtherQueueARedrivePolicy()
    {
        // GIVEN function, task, keep-warm and schedule dead-letter queues
        var template = TestStacks.Synth(p =>
        {
            p.Tasks = new ServerlessWebAppTasksProps { Schedules = [new ScheduledTask { Name = "nightly", Expression = "rate(1 day)", Task = "report" }] };
            p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true };
        });

        // THEN each queue either redrives to a dead-letter queue or is one, marked as such (CT.SQS.PR.1)
        var queues = template.FindResources("AWS::SQS::Queue");
        Assert.Equal(6, queues.Count); // web, worker, task, task dead letters, keep-warm, schedules
        foreach (var (id, queue) in queues)
        {
            var properties = TestStacks.Properties((IDictionary<string, object>)queue);
            if (properties.ContainsKey("RedrivePolicy")) continue;
            Assert.True(properties.TryGetValue("RedriveAllowPolicy", out var allow), $"{id} has neither a redrive policy nor a redrive allow policy");
            Assert.Equal("allowAll", ((IDictionary<string, object>)allow)["redrivePermission"]);
        }
        Assert.Single(queues.Values, q => TestStacks.Properties((IDictionary<string, object>)q).ContainsKey("RedrivePolicy"));
    }

    [Fact]
    public void EveryBucketSendsItsObjectEventsToEventBridge()
    {
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
            p.UploadsBucket = true;
            p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true };
        });
        Assert.Equal(4, template.FindResources("AWS::S3::Bucket").Count);
        template.AllResourcesProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["NotificationConfiguration"] = new Dictionary<string, object>
            {
                ["EventBridgeConfiguration"] = new Dictionary<string, object> { ["EventBridgeEnabled"] = true },
            },
        }));
        // AND no custom resource (a Lambda function of its own) is added for it
        template.ResourceCountIs("Custom::S3BucketNotifications", 0);
    }

    [Theory]
    [InlineData(FrontDoorKind.HttpApi)]
    [InlineData(FrontDoorKind.RestApi)]
    public void ServicePermissionsNameTheStacksAccountWhenItIsKnown(FrontDoorKind frontDoor)
    {
        // GIVEN a stack bound to an account, and one that is not
        ServerlessWebAppProps Props() => TestStacks.Props(p =>
        {
            p.FrontDoor = frontDoor;
            p.PublicAccess = null;
            p.Authorization = ApiAuthorization.Iam();
            p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true };
        });
        var bound = new Stack(TestFolders.NewApp(), "Bound", new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = "eu-west-1" } });
        _ = new ServerlessWebApp(bound, "WebApp", Props());
        var agnostic = TestStacks.NewStack("Agnostic");
        _ = new ServerlessWebApp(agnostic, "WebApp", Props());

        // THEN every permission for an AWS service carries that account, and none does without one
        var permissions = Template.FromStack(bound).FindResources("AWS::Lambda::Permission").Values
            .Select(p => TestStacks.Properties((IDictionary<string, object>)p)).ToList();
        Assert.True(permissions.Count >= 2, "expected the front door's and the keep-warm rule's permissions");
        Assert.All(permissions, p => Assert.Equal(Account, p["SourceAccount"]));
        Template.FromStack(agnostic).AllResourcesProperties("AWS::Lambda::Permission",
            Match.Not(Match.ObjectLike(new Dictionary<string, object> { ["SourceAccount"] = Match.AnyValue() })));
    }

    [Fact]
    public void SuppliedAccessLogsBucketReceivesTheLogsAndNoLogBucketIsCreated()
    {
        // GIVEN the platform's access-log bucket
        var template = TestStacks.Synth(
            p =>
            {
                p.UploadsBucket = true;
                p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true };
            },
            (stack, p) => p.DataProtection = new ServerlessWebAppDataProtectionProps { AccessLogsBucket = Bucket.FromBucketName(stack, "PlatformLogs", "platform-access-logs") });

        // THEN the uploads and payload buckets log to it, and they are the only buckets
        Assert.Equal(2, template.FindResources("AWS::S3::Bucket").Count);
        template.AllResourcesProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["DestinationBucketName"] = "platform-access-logs" }),
        }));
    }

    [Fact]
    public void ObjectLockRetentionLocksDataBucketsWithoutARetentionOnStaticFilesAndNoneOnTheAccessLogBucket()
    {
        // GIVEN a governance retention and every kind of bucket
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
            p.UploadsBucket = true;
            p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true };
            p.DataProtection = new ServerlessWebAppDataProtectionProps { ObjectLockRetention = ObjectLockRetention.Governance(Duration.Days(30)) };
        });

        // THEN the data buckets have Object Lock, uploads and payloads keeping versions 30 days and static files without a
        // default retention; the access-log bucket has none, as S3 does not deliver access logs to a bucket with Object Lock
        var buckets = template.FindResources("AWS::S3::Bucket");
        Assert.Equal(4, buckets.Count);
        foreach (var (id, bucket) in buckets)
        {
            var properties = TestStacks.Properties((IDictionary<string, object>)bucket);
            if (id.Contains("AccessLogs", StringComparison.Ordinal))
            {
                Assert.False(properties.ContainsKey("ObjectLockEnabled"), $"{id}: Object Lock on the access-log bucket");
                continue;
            }
            Assert.Equal(true, properties["ObjectLockEnabled"]);
            var locked = id.Contains("Uploads", StringComparison.Ordinal) || id.Contains("Payload", StringComparison.Ordinal);
            Assert.True(locked == properties.ContainsKey("ObjectLockConfiguration"), $"{id}: default retention {(locked ? "missing" : "unexpected")}");
            if (locked) Assert.Contains("\"Days\":30", JsonSerializer.Serialize(properties["ObjectLockConfiguration"]));
        }
    }

    [Fact]
    public void PayloadObjectLockWithoutAPayloadBucketIsASynthError()
    {
        var (stack, app) = TestStacks.Create(p => p.Tasks = new ServerlessWebAppTasksProps());
        _ = new TaskQueue(stack, "MoreTasks", new TaskQueueProps
        {
            WorkerAlias = app.WorkerAlias!,
            WorkerTimeout = Duration.Minutes(1),
            PayloadObjectLock = ObjectLockRetention.Governance(Duration.Days(1)),
        });

        Assert.Equal(["TaskQueueProps.PayloadObjectLock needs TaskQueueProps.PayloadBucket = true."], SynthMessages.ErrorsOn(stack, "/TestStack/MoreTasks"));
    }
}
