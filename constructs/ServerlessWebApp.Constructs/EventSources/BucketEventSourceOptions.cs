using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Options of an S3 bucket event source (S3 event notifications, invoked asynchronously).</summary>
public sealed class BucketEventSourceOptions : EventSourceOptions
{
    /// <summary>The S3 events that invoke the function. Default: <c>EventType.OBJECT_CREATED</c>.</summary>
    public EventType[]? Events { get; set; }

    /// <summary>Key prefix/suffix filters (an object must match all of them). Default: every object.</summary>
    public NotificationKeyFilter[]? Filters { get; set; }
}
