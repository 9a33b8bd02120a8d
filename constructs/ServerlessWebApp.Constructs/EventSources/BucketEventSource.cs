using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// S3 event notifications to the function's alias (S3 invokes it asynchronously; failures after Lambda's retries go to
/// the function's dead-letter queue). The function needs no permission; S3 is allowed to invoke it for this bucket only.
/// </summary>
internal sealed class BucketEventSource(string name, IBucket bucket, BucketEventSourceOptions options) : AppEventSource(name, options)
{
    internal override string Kind => "bucket";

    internal override string RecordType => "S3ObjectEvent";

    internal override void Validate(EventSourceErrors errors, string property)
    {
        if (options.Events is { Length: 0 }) errors.Fail($"{property}.Events", "is empty; allowed: at least one EventType, or leave it unset for OBJECT_CREATED");
    }

    internal override BoundEventSource Bind(EventSourceTarget target)
    {
        var filters = options.Filters ?? [];
        foreach (var type in options.Events ?? EventSourceDefaults.BucketEvents)
        {
            bucket.AddEventNotification(type, new LambdaDestination(target.Function.Alias), filters);
        }
        return new BoundEventSource(Name, bucket.BucketArn, null);
    }
}
