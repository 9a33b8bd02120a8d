using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Nag;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Constructs.Validation;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// The async task path: an encrypted, TLS-only SQS queue with a dead-letter queue, consumed by the worker's
/// <c>live</c> alias with partial batch responses; optionally a DynamoDB status table and a bucket for large payloads.
/// The web function may only send; the worker may only consume. Invalid props are reported as synth errors
/// (<c>cdk synth</c> lists them all) and nothing is built; the members then throw.
/// </summary>
public sealed class TaskQueue : Construct
{
    private readonly ConstructValidation _validation;

    /// <summary>Creates the queue, its dead-letter queue, the optional table and bucket, the event source and the grants.</summary>
    public TaskQueue(Construct scope, string id, TaskQueueProps props) : base(scope, id)
    {
        _validation = ConstructValidation.Start(this);
        if (!_validation.Check(props, [TaskQueuePropsChecks.Check])) return;
        var key = props.EncryptionKey;

        VisibilityTimeout = props.VisibilityTimeout
            ?? TaskQueueDefaults.VisibilityTimeout(props.WorkerTimeout, props.MaxBatchingWindow);
        DeadLetterQueue = new Queue(this, "DeadLetterQueue", SecureQueueDefaults.DeadLetterQueue(key));
        SubConstructAcknowledgements.TaskDeadLetterQueue(DeadLetterQueue);
        Queue = new Queue(this, "Queue", new QueueProps
        {
            Encryption = key is null ? QueueEncryption.SQS_MANAGED : QueueEncryption.KMS,
            EncryptionMasterKey = key,
            EnforceSSL = true,
            VisibilityTimeout = VisibilityTimeout,
            RetentionPeriod = props.RetentionPeriod ?? TaskQueueDefaults.RetentionPeriod(),
            DeadLetterQueue = new DeadLetterQueue
            {
                Queue = DeadLetterQueue,
                MaxReceiveCount = props.MaxReceiveCount ?? TaskQueueDefaults.MaxReceiveCount,
            },
        });

        if (props.StatusTable ?? true)
            StatusTable = new Table(this, "StatusTable", TaskQueueDefaults.StatusTable(key, props.StatusTableRemovalPolicy));
        if (props.PayloadBucket ?? false)
        {
            var payloadBucket = TaskQueueDefaults.PayloadBucket(key, props.AccessLogsBucket, props.PayloadRetention);
            if (props.PayloadObjectLock is { } retention) (payloadBucket.ObjectLockEnabled, payloadBucket.ObjectLockDefaultRetention) = (true, retention);
            PayloadBucket = new Bucket(this, "PayloadBucket", payloadBucket);
            BucketEventNotifications.SendToEventBridge(PayloadBucket);
        }

        var workerFunction = props.WorkerAlias.Version.Lambda;
        // A plain mapping rather than SqsEventSource: that helper also grants the worker on the key's resource policy
        // when the role is supplied, and here every grant goes through WorkerStatements only.
        EventSourceMapping = new EventSourceMapping(this, "WorkerEventSource", new EventSourceMappingProps
        {
            Target = props.WorkerAlias,
            EventSourceArn = Queue.QueueArn,
            BatchSize = props.BatchSize ?? TaskQueueDefaults.BatchSize,
            MaxBatchingWindow = props.MaxBatchingWindow,
            MaxConcurrency = props.MaxConcurrency,
            ReportBatchItemFailures = true,
        });
        SubConstructAcknowledgements.SqsEventSourceMapping(EventSourceMapping);

        var arns = TaskQueueArns.Of(Queue, StatusTable, PayloadBucket);
        WebStatements = TaskQueuePermissions.Web(arns);
        WorkerStatements = TaskQueuePermissions.Worker(arns);
        FunctionPermissions.Grant(workerFunction, [.. WorkerStatements]);
        if (props.WebFunction is not null) FunctionPermissions.Grant(props.WebFunction, [.. WebStatements]);

        // Names and the URL read once for both functions' variables and the output (each read is a jsii round trip).
        var queueUrl = Queue.QueueUrl;
        var tableName = StatusTable?.TableName;
        var payloadBucketName = PayloadBucket?.BucketName;
        WebEnvironment = BuildEnvironment(queueUrl, tableName, payloadBucketName);
        WorkerEnvironment = BuildEnvironment(queueUrl: null, tableName, payloadBucketName);
        if (props.ApplyEnvironment ?? true)
        {
            if (props.WebFunction is Function web) AddEnvironment(web, WebEnvironment);
            if (workerFunction is Function worker) AddEnvironment(worker, WorkerEnvironment);
        }

        QueueUrlOutput = new CfnOutput(this, "QueueUrl", new CfnOutputProps
        {
            Value = queueUrl,
            Description = "URL of the task queue the web function sends tasks to.",
        });
        DeadLetterQueueUrlOutput = new CfnOutput(this, "DeadLetterQueueUrl", new CfnOutputProps
        {
            Value = DeadLetterQueue.QueueUrl,
            Description = "URL of the dead-letter queue that holds tasks which failed every attempt.",
        });
    }

    /// <summary>The task queue.</summary>
    public Queue Queue { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The dead-letter queue of <see cref="Queue"/>; tasks land here after <see cref="TaskQueueProps.MaxReceiveCount"/> receives.</summary>
    public Queue DeadLetterQueue { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The visibility timeout the queue was created with.</summary>
    public Duration VisibilityTimeout { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The status table, or null when <see cref="TaskQueueProps.StatusTable"/> is false.</summary>
    public Table? StatusTable { get => _validation.Built(field); }

    /// <summary>The payload bucket, or null when <see cref="TaskQueueProps.PayloadBucket"/> is false.</summary>
    public Bucket? PayloadBucket { get => _validation.Built(field); }

    /// <summary>The event source mapping from the queue to the worker's alias, with partial batch responses.</summary>
    public EventSourceMapping EventSourceMapping { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>Environment variables the web function needs: queue URL, and the table and bucket names when they exist.</summary>
    public IReadOnlyDictionary<string, string> WebEnvironment { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>Environment variables the worker needs: table and bucket names when they exist (no queue URL: it only consumes).</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>
    /// Every permission the web function needs (send to the queue, read and create status items, put payloads, and the
    /// key actions with a customer key). Applied to the web function's role when it is mutable; for a supplied role,
    /// these are the statements to attach through the organisation's own process.
    /// </summary>
    public IReadOnlyList<PolicyStatement> WebStatements { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>Every permission the worker needs (consume the queue, read and update status items, get payloads, key actions); applied like <see cref="WebStatements"/>.</summary>
    public IReadOnlyList<PolicyStatement> WorkerStatements { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>Stack output with the queue URL.</summary>
    public CfnOutput QueueUrlOutput { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>Stack output with the dead-letter queue URL.</summary>
    public CfnOutput DeadLetterQueueUrlOutput { get => field ?? throw _validation.NotBuilt(); }

    private static Dictionary<string, string> BuildEnvironment(string? queueUrl, string? tableName, string? payloadBucketName)
    {
        var environment = new Dictionary<string, string>();
        if (queueUrl is not null) environment[SwaEnvironment.TaskQueueUrl] = queueUrl;
        if (tableName is not null) environment[SwaEnvironment.TaskStatusTable] = tableName;
        if (payloadBucketName is not null) environment[SwaEnvironment.TaskPayloadBucket] = payloadBucketName;
        return environment;
    }

    private static void AddEnvironment(Function function, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (name, value) in environment) function.AddEnvironment(name, value);
    }
}
