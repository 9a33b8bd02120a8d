using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Serverless.WebApp.Constructs.Queues;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>The event sources' defaults, in one place.</summary>
internal static class EventSourceDefaults
{
    public const int QueueBatchSize = 10;
    public const int StreamBatchSize = 100;
    public const int StreamRetryAttempts = 3;
    public const bool BisectBatchOnError = true;
    public static readonly StartingPosition StartingPosition = StartingPosition.LATEST;
    public static readonly Amazon.CDK.AWS.S3.EventType[] BucketEvents = [Amazon.CDK.AWS.S3.EventType.OBJECT_CREATED];

    /// <summary>SQS's visibility timeout when a queue sets none.</summary>
    public const double SqsVisibilityTimeoutSeconds = 30;

    /// <summary>AWS's recommendation for a queue source: a visibility timeout of six times the function's timeout, plus the batching window.</summary>
    public const int RecommendedVisibilityTimeoutFactor = 6;

    /// <summary>
    /// A failure or dead-letter queue, as every dead-letter queue of the app: encrypted (SSE-SQS, or the app's key),
    /// TLS only, messages kept 14 days. Pay per use.
    /// </summary>
    public static Queue FailureQueue(Construct scope, string id, IKey? key) => new(scope, id, SecureQueueDefaults.DeadLetterQueue(key));
}
