using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using System.Text.Json;
using Serverless.WebApp.Constructs.EventSources;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.EventSources;

/// <summary>
/// Event sources on the web function and on a worker with its own settings, the existing-ALB target, and the synth
/// errors and warnings of both props.
/// </summary>
[Collection("cdk")]
public sealed class EventSourcesPropsTests
{
    private const string WebApp = "/TestStack/WebApp";

    [Fact]
    public void SourceAskedForTheWebFunctionIsMappedToTheWebAliasAndNoWorkerIsCreated()
    {
        var template = new TemplateJson(TestStacks.Synth(arrange: (stack, p) => p.EventSources = Sources(
            AppEventSource.FromQueue("orders", new Queue(stack, "Orders"), new QueueEventSourceOptions { Function = EventSourceFunction.Web }))));

        Assert.Single(template.OfType("AWS::Lambda::Function"));
        var mapping = Assert.Single(template.OfType("AWS::Lambda::EventSourceMapping")).Value["Properties"]!;
        Assert.Contains("FunctionLiveAlias", JsonSerializer.Serialize(mapping["FunctionName"]));
        var web = TestStacks.WebFunctionProperties(template.Template);
        var variables = (IDictionary<string, object>)((IDictionary<string, object>)web["Environment"])["Variables"];
        Assert.StartsWith("orders=", JsonSerializer.Serialize(variables[SwaEnvironment.EventSources]).Trim('"').Replace("{\"Fn::Join\":[\"\",[\"", ""));
    }

    [Fact]
    public void WorkerCreatedForTheEventsTakesItsOwnTimeoutAndMemory()
    {
        var template = new TemplateJson(TestStacks.Synth(arrange: (stack, p) => p.EventSources = new ServerlessWebAppEventSourcesProps
        {
            Sources = [AppEventSource.FromQueue("orders", new Queue(stack, "Orders", new QueueProps { VisibilityTimeout = Duration.Minutes(6) }))],
            WorkerTimeout = Duration.Minutes(1),
            WorkerMemorySize = 2048,
        }));

        var worker = template.OfType("AWS::Lambda::Function").Select(f => f.Value["Properties"]!)
            .Single(f => (string?)f["Environment"]!["Variables"]![SwaEnvironment.FunctionRole] == SwaEnvironment.WorkerRole);
        Assert.Equal(60, (int)worker["Timeout"]!);
        Assert.Equal(2048, (int)worker["MemorySize"]!);
    }

    [Fact]
    public void EveryEventSourceErrorOfOneSynthIsReportedTogetherOnTheConstruct()
    {
        var (stack, webApp) = TestStacks.Create(arrange: (stack, p) =>
        {
            p.Role = Role.FromRoleArn(stack, "Supplied", "arn:aws:iam::123456789012:role/app", new FromRoleArnOptions { Mutable = false });
            p.EventSources = Sources(
                AppEventSource.FromQueue("orders", new Queue(stack, "Orders"), new QueueEventSourceOptions { BatchSize = 20 }),
                AppEventSource.FromQueue("orders", Queue.FromQueueArn(stack, "Other", "arn:aws:sqs:us-east-1:123456789012:other")),
                AppEventSource.FromTableStream("changes", new Table(stack, "NoStream", new TableProps
                {
                    PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
                }), new StreamEventSourceOptions { RetryAttempts = 20000 }),
                AppEventSource.FromBucket("bad name", Bucket.FromBucketName(stack, "B", "lab-bucket")),
                AppEventSource.FromEventPattern("audit", new Amazon.CDK.AWS.Events.EventPattern { Source = ["aws.ec2"] },
                    new EventPatternSourceOptions { RetryAttempts = 200, MaxEventAge = Duration.Seconds(30) }));
        });

        Assert.Empty(webApp.Node.Children);
        var errors = string.Join(System.Environment.NewLine, SynthMessages.ErrorsOn(stack, WebApp));
        Assert.Contains("EventSources.Sources[0].BatchSize is 20, above 10, which needs MaxBatchingWindow", errors);
        Assert.Contains("EventSources.Sources[0] reads queue 'Orders' whose visibility timeout (30 s) is shorter than the worker function's timeout (300 s)", errors);
        Assert.Contains("EventSources.Sources[1].Name 'orders' is used twice", errors);
        Assert.Contains("EventSources.Sources[2] names table 'NoStream', which has no stream", errors);
        Assert.Contains("EventSources.Sources[2].RetryAttempts must be 0–10000 (got 20000)", errors);
        Assert.Contains("EventSources.Sources[3].Name 'bad name' is invalid", errors);
        Assert.Contains("EventSources.Sources[4].RetryAttempts must be 0–185 (got 200)", errors);
        Assert.Contains("EventSources.Sources[4].MaxEventAge must be 60–86400", errors);
        Assert.Contains("EventSources.WorkerRole is required", errors);
    }

    [Fact]
    public void WorkerSettingsBelongToTasksWhenTheTaskWorkerRunsTheSources()
    {
        var (stack, _) = TestStacks.Create(arrange: (stack, p) =>
        {
            p.Tasks = new ServerlessWebAppTasksProps();
            p.EventSources = new ServerlessWebAppEventSourcesProps
            {
                Sources = [AppEventSource.FromQueue("orders", Queue.FromQueueArn(stack, "Orders", "arn:aws:sqs:us-east-1:123456789012:orders"))],
                WorkerTimeout = Duration.Minutes(1),
            };
        });

        var error = Assert.Single(SynthMessages.ErrorsOn(stack, WebApp));
        Assert.StartsWith("EventSources.WorkerTimeout is set but Tasks is too", error);
        Assert.Contains("allowed: Tasks.WorkerTimeout", error);
    }

    [Fact]
    public void WorkerSettingsWithoutASourceOnTheWorkerAreRejected()
    {
        var (stack, _) = TestStacks.Create(arrange: (stack, p) => p.EventSources = new ServerlessWebAppEventSourcesProps
        {
            Sources = [AppEventSource.FromQueue("orders", new Queue(stack, "Orders"), new QueueEventSourceOptions { Function = EventSourceFunction.Web })],
            WorkerMemorySize = 512,
        });

        Assert.StartsWith("EventSources.WorkerMemorySize is set but no event source runs on the worker", Assert.Single(SynthMessages.ErrorsOn(stack, WebApp)));
    }

    [Fact]
    public void QueueVisibilityBelowSixTimesTheFunctionTimeoutIsAWarningWithItsId()
    {
        // GIVEN a queue whose 10-minute visibility timeout exceeds the worker's 5 minutes but not 6 x 5 minutes + the 20 s window
        var (stack, _) = TestStacks.Create(arrange: (stack, p) => p.EventSources = Sources(
            AppEventSource.FromQueue("orders", new Queue(stack, "Orders", new QueueProps { VisibilityTimeout = Duration.Minutes(10) }),
                new QueueEventSourceOptions { MaxBatchingWindow = Duration.Seconds(20) })));

        Assert.Empty(SynthMessages.ErrorsOn(stack, WebApp));
        var warning = Assert.Single(SynthMessages.Warnings(stack), w => w.Message.Contains(ServerlessWebAppWarnings.ShortQueueVisibilityTimeout)).Message;
        Assert.Contains("visibility timeout (600 s)", warning);
        Assert.Contains("(1820 s)", warning);
    }

    [Fact]
    public void ImportedQueueWhoseVisibilityTimeoutSynthCannotKnowIsNeitherAnErrorNorAWarning()
    {
        var (stack, _) = TestStacks.Create(arrange: (stack, p) => p.EventSources = Sources(
            AppEventSource.FromQueue("orders", Queue.FromQueueArn(stack, "Orders", "arn:aws:sqs:us-east-1:123456789012:orders"))));

        Assert.Empty(SynthMessages.ErrorsOn(stack, WebApp));
        Assert.DoesNotContain(SynthMessages.Warnings(stack), w => w.Message.Contains(ServerlessWebAppWarnings.ShortQueueVisibilityTimeout));
    }

    [Fact]
    public void BucketSourceWithASuppliedRoleNeedsTheBucketToNameTheNotificationsHandlersRole()
    {
        // GIVEN supplied roles and a bucket that does not name a role for CDK's notifications helper
        var (stack, _) = TestStacks.Create(arrange: (stack, p) =>
        {
            p.Role = Role.FromRoleArn(stack, "Supplied", "arn:aws:iam::123456789012:role/app", new FromRoleArnOptions { Mutable = false });
            p.EventSources = new ServerlessWebAppEventSourcesProps
            {
                Sources = [AppEventSource.FromBucket("runs", Bucket.FromBucketName(stack, "Runs", "lab-runs"))],
                WorkerRole = Role.FromRoleArn(stack, "Worker", "arn:aws:iam::123456789012:role/worker", new FromRoleArnOptions { Mutable = false }),
            };
        });

        // THEN synth reports the role the helper got, and how to supply one
        var error = Assert.Single(SynthMessages.ErrorsOn(stack, WebApp));
        Assert.StartsWith("EventSources.Sources[0] is a bucket", error);
        Assert.Contains("NotificationsHandlerRole", error);
    }

    [Fact]
    public void ExistingListenerGetsALambdaTargetGroupAndRuleButNoLoadBalancer()
    {
        var template = new TemplateJson(TestStacks.Synth(arrange: (stack, p) => p.LoadBalancerTarget = new ServerlessWebAppLoadBalancerTargetProps
        {
            Listener = ApplicationListener.FromApplicationListenerAttributes(stack, "Listener", new ApplicationListenerAttributes
            {
                ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/org-alb/50dc6c495c0c9188/f2f7dc8efc522ab2",
                SecurityGroup = SecurityGroup.FromSecurityGroupId(stack, "AlbSecurityGroup", "sg-0123456789abcdef0"),
            }),
            Priority = 10,
            Conditions = [ListenerCondition.PathPatterns(["/foundry/*"])],
            MultiValueHeaders = true,
        }));

        Assert.Empty(template.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        var group = Assert.Single(template.OfType("AWS::ElasticLoadBalancingV2::TargetGroup")).Value["Properties"]!;
        Assert.Equal("lambda", (string?)group["TargetType"]);
        Assert.False((bool)group["HealthCheckEnabled"]!);
        Assert.Contains("FunctionLiveAlias", JsonSerializer.Serialize(group["Targets"]));
        Assert.Contains("\"Key\":\"lambda.multi_value_headers.enabled\",\"Value\":\"true\"", JsonSerializer.Serialize(group["TargetGroupAttributes"]));
        var rule = Assert.Single(template.OfType("AWS::ElasticLoadBalancingV2::ListenerRule")).Value["Properties"]!;
        Assert.Equal(10, (int)rule["Priority"]!);
        Assert.Contains("/foundry/*", JsonSerializer.Serialize(rule["Conditions"]));
        Assert.Contains("f2f7dc8efc522ab2", JsonSerializer.Serialize(rule["ListenerArn"]));
        Assert.Contains(template.OfType("AWS::Lambda::Permission"), p => (string?)p.Value["Properties"]!["Principal"] == "elasticloadbalancing.amazonaws.com");
    }

    [Fact]
    public void LoadBalancerTargetWithoutListenerPriorityOrConditionsIsRejectedWithAllThree()
    {
        var (stack, _) = TestStacks.Create(p => p.LoadBalancerTarget = new ServerlessWebAppLoadBalancerTargetProps());

        var errors = SynthMessages.ErrorsOn(stack, WebApp);
        Assert.Contains(errors, e => e.StartsWith("LoadBalancerTarget.Listener is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("LoadBalancerTarget.Priority is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("LoadBalancerTarget.Conditions is empty", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("allowed", e));
    }

    private static ServerlessWebAppEventSourcesProps Sources(params AppEventSource[] sources) => new() { Sources = sources };
}
