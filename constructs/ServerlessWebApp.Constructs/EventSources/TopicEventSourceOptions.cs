using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Options of an SNS topic event source (a Lambda subscription, invoked asynchronously).</summary>
public sealed class TopicEventSourceOptions : EventSourceOptions
{
    /// <summary>Only messages whose attributes match reach the function. Default: every message.</summary>
    public IDictionary<string, SubscriptionFilter>? FilterPolicy { get; set; }

    /// <summary>
    /// Where SNS puts messages it could not deliver to the function. Default: an encrypted, TLS-only queue created here
    /// (pay per use). Failures inside the function go to the function's own dead-letter queue.
    /// </summary>
    public IQueue? DeadLetterQueue { get; set; }
}
