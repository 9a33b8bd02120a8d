using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Options of an EventBridge event source (a rule with the function as its target, invoked asynchronously).</summary>
public sealed class EventPatternSourceOptions : EventSourceOptions
{
    /// <summary>The bus the rule listens on. Default: the account's default event bus.</summary>
    public IEventBus? EventBus { get; set; }

    /// <summary>
    /// Where EventBridge puts events it could not deliver to the function. Default: an encrypted, TLS-only queue created
    /// here (pay per use). Failures inside the function go to the function's own dead-letter queue.
    /// </summary>
    public IQueue? DeadLetterQueue { get; set; }

    /// <summary>Delivery retries, 0–185. Default: EventBridge's 185.</summary>
    public int? RetryAttempts { get; set; }

    /// <summary>How long EventBridge keeps retrying an event, 60 s–24 h. Default: EventBridge's 24 hours.</summary>
    public Duration? MaxEventAge { get; set; }
}
