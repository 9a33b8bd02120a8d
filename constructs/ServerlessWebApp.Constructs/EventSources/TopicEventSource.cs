using Amazon.CDK.AWS.SNS;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// A Lambda subscription of the topic on the function's alias, with a dead-letter queue for messages SNS cannot deliver.
/// The function needs no permission; SNS is allowed to invoke it for this topic only.
/// </summary>
internal sealed class TopicEventSource(string name, ITopic topic, TopicEventSourceOptions options) : AppEventSource(name, options)
{
    internal override string Kind => "topic";

    internal override string RecordType => "SnsNotification";

    /// <summary>The topic, when the construct creates its dead-letter queue (SNS then needs the app's key to send to it).</summary>
    internal string? TopicArnWithCreatedDeadLetterQueue => options.DeadLetterQueue is null ? topic.TopicArn : null;

    internal override void Check(Findings findings, string property)
    {
    }

    internal override BoundEventSource Bind(EventSourceTarget target)
    {
        var deadLetterQueue = options.DeadLetterQueue ?? target.FailureQueue("DeadLetterQueue");
        var subscription = new Subscription(target.Scope, target.Id, new SubscriptionProps
        {
            Topic = topic,
            Protocol = SubscriptionProtocol.LAMBDA,
            Endpoint = target.Function.Alias.FunctionArn,
            FilterPolicy = options.FilterPolicy,
            DeadLetterQueue = deadLetterQueue,
        });
        target.Function.Alias.AddPermission($"{target.Id}Invoke", new Amazon.CDK.AWS.Lambda.Permission
        {
            Principal = new Amazon.CDK.AWS.IAM.ServicePrincipal("sns.amazonaws.com"),
            SourceArn = topic.TopicArn,
        });
        return new BoundEventSource(Name, topic.TopicArn, subscription);
    }
}
