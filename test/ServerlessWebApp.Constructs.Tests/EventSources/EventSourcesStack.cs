using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.EventSources;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.EventSources;

/// <summary>One synth shared by the event-source tests: an app without Tasks with one source of every kind on the worker.</summary>
public sealed class EventSourcesStack
{
    public EventSourcesStack()
    {
        var (stack, app) = TestStacks.Create(arrange: (stack, p) => p.EventSources = new ServerlessWebAppEventSourcesProps { Sources = Sources(stack) });
        App = app;
        Template = new TemplateJson(Amazon.CDK.Assertions.Template.FromStack(stack));
    }

    internal ServerlessWebApp App { get; }

    internal TemplateJson Template { get; }

    /// <summary>
    /// A bucket, topic, queue (visibility 30 min, above the worker's 5), table with a stream (on demand, encrypted with the
    /// AWS-managed key, as Control Tower asks), Kinesis stream and a custom bus.
    /// </summary>
    internal static AppEventSource[] Sources(Stack stack) =>
    [
        AppEventSource.FromBucket("uploads", Bucket.FromBucketName(stack, "Uploads", "foundry-uploads"),
            new BucketEventSourceOptions { Filters = [new NotificationKeyFilter { Prefix = "incoming/" }] }),
        AppEventSource.FromTopic("alerts", AlertsTopic(stack)),
        AppEventSource.FromQueue("orders", OrdersQueue(stack), new QueueEventSourceOptions { BatchSize = 5 }),
        AppEventSource.FromTableStream("changes", new Table(stack, "Items", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            Stream = StreamViewType.NEW_AND_OLD_IMAGES,
            PointInTimeRecovery = true,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Encryption = TableEncryption.AWS_MANAGED,
        })),
        AppEventSource.FromKinesisStream("clicks", new Amazon.CDK.AWS.Kinesis.Stream(stack, "Clicks", new StreamProps { Encryption = StreamEncryption.MANAGED })),
        AppEventSource.FromEventPattern("audit", new EventPattern { Source = ["aws.ec2"] },
            new EventPatternSourceOptions { EventBus = new EventBus(stack, "Bus") }),
    ];

    /// <summary>
    /// The platform's topic, TLS only by its resource policy. Written out because CDK 2.160's <c>EnforceSSL</c> adds its
    /// statement only once another statement is added to the topic's policy, so alone it leaves the topic without one.
    /// </summary>
    private static Topic AlertsTopic(Stack stack)
    {
        var topic = new Topic(stack, "Alerts");
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowPublishThroughSSLOnly",
            Effect = Effect.DENY,
            Principals = [new StarPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
        }));
        return topic;
    }

    /// <summary>
    /// The platform's queue as its own rules want it: TLS only, encrypted, and a redrive policy to the platform's
    /// dead-letter queue, which lives outside this stack.
    /// </summary>
    private static Queue OrdersQueue(Stack stack) => new(stack, "Orders", new QueueProps
    {
        VisibilityTimeout = Duration.Minutes(30),
        EnforceSSL = true,
        Encryption = QueueEncryption.SQS_MANAGED,
        DeadLetterQueue = new DeadLetterQueue
        {
            Queue = Queue.FromQueueArn(stack, "OrdersDeadLetters", "arn:aws:sqs:eu-west-1:123456789012:platform-orders-dead-letters"),
            MaxReceiveCount = 5,
        },
    });
}
