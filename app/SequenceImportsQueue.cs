using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs;
using Serverless.WebApp.Constructs.EventSources;

namespace Serverless.WebApp.CdkApp;

/// <summary>
/// The SQS queue partner labs send sequences to, which the sample maps as event source <c>sequence-imports</c>
/// (<c>SequenceImportEvents.ImportsQueue</c>) on its worker: SQS-encrypted, TLS only, a visibility timeout of six times
/// the worker's timeout (AWS's recommendation for a Lambda event source, so a retried message is not processed twice),
/// and an import that fails <see cref="MaxReceiveCount"/> times moves to a dead-letter queue kept 14 days. Pay per use;
/// its pollers make about 650,000 free-tier SQS requests a month while idle.
/// </summary>
public static class SequenceImportsQueue
{
    /// <summary>The name the sample maps (<c>app.MapEvent&lt;SqsMessage&gt;("sequence-imports", ...)</c>).</summary>
    public const string EventSourceName = "sequence-imports";

    public const int MaxReceiveCount = 5;

    private const int VisibilityTimeoutFactor = 6;

    private const string DeadLetterQueueReason =
        "The sequence imports' dead-letter queue, the end of their failure path: a redrive policy would only need another " +
        "dead-letter queue. Failed imports are kept 14 days for inspection and redrive.";

    public static Queue Create(Construct scope, string id, Duration workerTimeout)
    {
        var deadLetters = new Queue(scope, $"{id}DeadLetters", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
            // Says it is a dead-letter queue, as AWS Control Tower (CT.SQS.PR.1) asks of a queue without a redrive policy;
            // allowAll is what SQS does without one.
            RedriveAllowPolicy = new RedriveAllowPolicy { RedrivePermission = RedrivePermission.ALLOW_ALL },
        });
        // cdk-nag's Serverless-SQSRedrivePolicy asks every queue for a redrive policy, this terminal one included.
        ((CfnResource)deadLetters.Node.DefaultChild!).AddMetadata("cdk_nag", new Dictionary<string, object>
        {
            ["rules_to_suppress"] = new object[]
            {
                new Dictionary<string, object> { ["id"] = "Serverless-SQSRedrivePolicy", ["reason"] = DeadLetterQueueReason },
            },
        });
        return new Queue(scope, id, new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            VisibilityTimeout = Duration.Seconds(VisibilityTimeoutFactor * workerTimeout.ToSeconds()),
            DeadLetterQueue = new DeadLetterQueue { Queue = deadLetters, MaxReceiveCount = MaxReceiveCount },
        });
    }

    /// <summary>The queue as the sample's event source, on the worker (its longer timeout, off the request path).</summary>
    public static AppEventSource EventSource(IQueue queue) => AppEventSource.FromQueue(EventSourceName, queue);
}
