using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using Constructs;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// S3 event notifications to the function's alias (S3 invokes it asynchronously; failures after Lambda's retries go to
/// the function's dead-letter queue). The function needs no permission; S3 is allowed to invoke it for this bucket only.
/// CDK writes the bucket's notification configuration through a per-stack helper function, whose role it creates unless
/// the bucket names one (<c>NotificationsHandlerRole</c>).
/// </summary>
internal sealed class BucketEventSource(string name, IBucket bucket, BucketEventSourceOptions options) : AppEventSource(name, options)
{
    internal override string Kind => "bucket";

    internal override string RecordType => "S3ObjectEvent";

    /// <summary>The id CDK gives its per-stack function that writes bucket notification configurations.</summary>
    public const string NotificationsHandlerId = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    internal override void Check(Findings findings, string property)
    {
        if (options.Events is { Length: 0 }) findings.Error($"{property}.Events", "is empty; allowed: at least one EventType, or leave it unset for OBJECT_CREATED");
    }

    /// <summary>CDK's per-stack bucket-notifications handler, once a bucket notification created it.</summary>
    public static IConstruct? NotificationsHandler(IConstruct scope) => Stack.Of(scope).Node.TryFindChild(NotificationsHandlerId);

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
