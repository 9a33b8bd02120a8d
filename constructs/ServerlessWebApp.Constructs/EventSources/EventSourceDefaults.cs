using Amazon.CDK.AWS.Lambda;

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
}
