using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>The wired event sources.</summary>
/// <param name="Resources">Per name, the mapping, subscription or rule created (none for a bucket, whose notification lives on the bucket).</param>
/// <param name="QueueMappings">The event source mappings of queue sources.</param>
/// <param name="FailureQueues">The on-failure and dead-letter queues created for the sources.</param>
/// <param name="NotificationsHandler">CDK's per-stack bucket-notifications handler, when a bucket source uses it.</param>
/// <param name="EventBridgeSendsToFailureQueues">Whether an event-pattern source's rule delivers to a dead-letter queue created here.</param>
/// <param name="TopicsSendingToFailureQueues">The topics whose subscriptions deliver to a dead-letter queue created here.</param>
internal sealed record EventSourcesParts(IReadOnlyDictionary<string, IConstruct> Resources, IReadOnlyList<EventSourceMapping> QueueMappings,
    IReadOnlyList<Queue> FailureQueues, IConstruct? NotificationsHandler, bool EventBridgeSendsToFailureQueues, IReadOnlyList<string> TopicsSendingToFailureQueues)
{
    public static EventSourcesParts None { get; } = new(new Dictionary<string, IConstruct>(), [], [], null, false, []);
}
