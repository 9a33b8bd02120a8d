using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using System.Text.Json;
using Serverless.WebApp.Constructs.EventSources;
using Serverless.WebApp.Constructs.LoadBalancing;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.EventSources;

/// <summary>Event sources on the web function, the existing-ALB target, and the synth errors of both props.</summary>
[Collection("cdk")]
public sealed class EventSourcesPropsTests
{
    [Fact]
    public void SourceAskedForTheWebFunctionIsMappedToTheWebAliasAndNoWorkerIsCreated()
    {
        var template = new TemplateJson(TestStacks.Synth(arrange: (stack, p) => p.EventSources =
        [
            AppEventSource.FromQueue("orders", new Queue(stack, "Orders"), new QueueEventSourceOptions { Function = EventSourceFunction.Web }),
        ]));

        Assert.Single(template.OfType("AWS::Lambda::Function"));
        var mapping = Assert.Single(template.OfType("AWS::Lambda::EventSourceMapping")).Value["Properties"]!;
        Assert.Contains("FunctionLiveAlias", JsonSerializer.Serialize(mapping["FunctionName"]));
        var web = TestStacks.WebFunctionProperties(template.Template);
        var variables = (IDictionary<string, object>)((IDictionary<string, object>)web["Environment"])["Variables"];
        Assert.StartsWith("orders=", JsonSerializer.Serialize(variables[SwaEnvironment.EventSources]).Trim('"').Replace("{\"Fn::Join\":[\"\",[\"", ""));
    }

    [Fact]
    public void EveryEventSourceErrorOfOneSynthIsReportedTogether()
    {
        var stack = TestStacks.NewStack();
        var props = TestStacks.Props();
        props.Role = Role.FromRoleArn(stack, "Supplied", "arn:aws:iam::123456789012:role/app", new FromRoleArnOptions { Mutable = false });
        props.EventSources =
        [
            AppEventSource.FromQueue("orders", new Queue(stack, "Orders"), new QueueEventSourceOptions { BatchSize = 20 }),
            AppEventSource.FromQueue("orders", Queue.FromQueueArn(stack, "Other", "arn:aws:sqs:us-east-1:123456789012:other")),
            AppEventSource.FromTableStream("changes", new Table(stack, "NoStream", new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            }), new StreamEventSourceOptions { RetryAttempts = 20000 }),
            AppEventSource.FromBucket("bad name", Bucket.FromBucketName(stack, "B", "lab-bucket")),
        ];

        var error = Assert.Throws<ArgumentException>(() => new ServerlessWebApp(stack, "WebApp", props)).Message;

        Assert.Contains("EventSources[0].BatchSize is 20", error);
        Assert.Contains("visibility timeout (30 s) is below the worker function's timeout (300 s)", error);
        Assert.Contains("EventSources[1].Name 'orders' is used twice", error);
        Assert.Contains("EventSources[2] names table 'NoStream', which has no stream", error);
        Assert.Contains("EventSources[2].RetryAttempts is 20000", error);
        Assert.Contains("EventSources[3].Name 'bad name' is invalid", error);
        Assert.Contains("EventSources[3] is a bucket", error);
        Assert.Contains("WorkerRole is required", error);
    }

    [Fact]
    public void ExistingListenerGetsALambdaTargetGroupAndRuleButNoLoadBalancer()
    {
        var template = new TemplateJson(TestStacks.Synth(arrange: (stack, p) => p.LoadBalancerTarget = new ExistingLoadBalancerTargetProps
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
    public void LoadBalancerTargetWithoutPriorityOrConditionsIsRejectedWithBoth()
    {
        var stack = TestStacks.NewStack();
        var props = TestStacks.Props(p => p.LoadBalancerTarget = new ExistingLoadBalancerTargetProps());

        var error = Assert.Throws<ArgumentException>(() => new ServerlessWebApp(stack, "WebApp", props));

        Assert.Equal("LoadBalancerTarget", error.ParamName);
        Assert.Contains("LoadBalancerTarget.Listener is required", error.Message);
        Assert.Contains("LoadBalancerTarget.Priority is missing", error.Message);
        Assert.Contains("LoadBalancerTarget.Conditions is empty", error.Message);
    }
}
