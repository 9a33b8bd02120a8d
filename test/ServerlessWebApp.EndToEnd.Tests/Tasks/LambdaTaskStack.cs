using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Serverless.WebApp.TestSupport.Dynalite;
using Serverless.WebApp.TestSupport.RuntimeApi;
using Serverless.WebApp.TestSupport.Sqs;

namespace Serverless.WebApp.EndToEnd.Tests.Tasks;

/// <summary>
/// What the construct deploys for tasks, on 127.0.0.1: the task queue with its dead-letter queue (fake SQS), the
/// status and results tables (dynalite), the web function and the worker function (the published sample twice, with
/// <c>SWA_FUNCTION_ROLE</c> web and worker, each behind its own Runtime API emulator) and the SQS event source mapping.
/// The sample is framework-dependent, as the construct publishes it by default; <see cref="Trimmed.NativeAotTaskStack"/>
/// and <see cref="Trimmed.ReadyToRunTaskStack"/> run the same stack on the trimmed builds.
/// </summary>
public class LambdaTaskStack : IAsyncLifetime
{
    public const string StatusTable = "foundry-task-status";
    public const string ResultsTable = "foundry-results";
    public const int MaxReceiveCount = 3;

    /// <summary>The bucket the worker's <c>sequence-uploads</c> event source is registered for (the recorded S3 event's bucket).</summary>
    public const string UploadsBucketArn = "arn:aws:s3:::lambda-artifacts-deafc19498e3f2df";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly PublishMode _mode;

    public LambdaTaskStack() : this(PublishMode.FrameworkDependent)
    {
    }

    protected LambdaTaskStack(PublishMode mode) => _mode = mode;

    public PublishedApp App { get; private set; } = null!;

    public FakeSqsServer Sqs { get; private set; } = null!;
    public DynaliteServer Dynalite { get; private set; } = null!;
    public string QueueUrl { get; private set; } = "";
    public string DeadLetterQueueUrl { get; private set; } = "";
    /// <summary>The queue registered as the worker's <c>sequence-imports</c> event source (not the task queue).</summary>
    public string ImportsQueueUrl { get; private set; } = "";
    public string ImportsQueueArn { get; private set; } = "";
    public LambdaRuntimeApiEmulator Web { get; private set; } = null!;
    public LambdaRuntimeApiEmulator Worker { get; private set; } = null!;
    public RuntimeProcess WebProcess { get; private set; } = null!;
    public RuntimeProcess WorkerProcess { get; private set; } = null!;
    public IAmazonSQS SqsClient { get; private set; } = null!;
    public IAmazonDynamoDB DynamoClient { get; private set; } = null!;
    public SqsEventSourceMapping Mapping { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync(); // a half-started stack must not leave processes behind
            throw;
        }
    }

    private async Task StartAsync()
    {
        App = await SamplePublisher.PublishAsync(_mode);
        Sqs = Own(await FakeSqsServer.StartAsync());
        Dynalite = Own(await DynaliteServer.StartAsync());
        DeadLetterQueueUrl = Sqs.CreateQueue("foundry-tasks-dlq");
        QueueUrl = Sqs.CreateQueue("foundry-tasks", DeadLetterQueueUrl, MaxReceiveCount, TimeSpan.FromSeconds(2));

        var credentials = new BasicAWSCredentials("test", "test");
        SqsClient = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = Sqs.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        DynamoClient = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = Dynalite.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        ImportsQueueUrl = Sqs.CreateQueue("sequence-imports", Sqs.CreateQueue("sequence-imports-dlq"), MaxReceiveCount, TimeSpan.FromSeconds(2));
        ImportsQueueArn = (await SqsClient.GetQueueAttributesAsync(ImportsQueueUrl, ["QueueArn"])).QueueARN;
        await CreateTableAsync(StatusTable);
        await CreateTableAsync(ResultsTable);

        Web = Own(await LambdaRuntimeApiEmulator.StartAsync());
        Worker = Own(await LambdaRuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionTimeout = TimeSpan.FromMinutes(5) }));
        WebProcess = Own(RuntimeProcess.Start(App.StartInfo(Environment(Web, "web"))));
        WorkerProcess = Own(RuntimeProcess.Start(App.StartInfo(Environment(Worker, "worker"))));

        var arn = (await SqsClient.GetQueueAttributesAsync(QueueUrl, ["QueueArn"])).QueueARN;
        Mapping = new SqsEventSourceMapping(SqsClient, QueueUrl, arn, Worker);
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
        _owned.Clear();
        SqsClient?.Dispose();
        DynamoClient?.Dispose();
    }

    private Dictionary<string, string?> Environment(LambdaRuntimeApiEmulator emulator, string role)
    {
        var environment = LambdaEnvironment.For(emulator, App, "foundry-" + role);
        environment["SWA_FUNCTION_ROLE"] = role;
        environment["SWA_TASK_QUEUE_URL"] = QueueUrl;
        environment["SWA_TASK_STATUS_TABLE"] = StatusTable;
        environment["AWS_ENDPOINT_URL_SQS"] = Sqs.ServiceUrl.ToString();
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = Dynalite.ServiceUrl.ToString();
        environment["AWS_ACCESS_KEY_ID"] = "test";
        environment["AWS_SECRET_ACCESS_KEY"] = "test";
        environment["AWS_SESSION_TOKEN"] = null;
        environment["Foundry__ResultsTable"] = ResultsTable;
        environment["Foundry__ComputeDuration"] = "00:00:00.300";
        environment["Logging__LogLevel__Default"] = "Warning";
        // The construct registers event sources on the worker (the default): the sample's bucket and imports queue.
        if (role == "worker") environment["SWA_EVENT_SOURCES"] = $"sequence-uploads={UploadsBucketArn},sequence-imports={ImportsQueueArn}";
        return environment;
    }

    private Task CreateTableAsync(string name) => DynamoClient.CreateTableAsync(new CreateTableRequest
    {
        TableName = name,
        KeySchema = [new KeySchemaElement("taskId", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("taskId", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    });

    private T Own<T>(T resource) where T : IAsyncDisposable
    {
        _owned.Add(resource);
        return resource;
    }
}
