using Amazon.CDK;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// Options of an SQS queue event source (an event source mapping with partial batch responses). The queue's visibility
/// timeout must be at least the timeout of the function it runs on, or Lambda refuses the mapping; AWS recommends six
/// times the timeout plus <see cref="MaxBatchingWindow"/>. For a queue created in the same CDK app, synth checks both
/// (an error below the timeout, warning <see cref="ServerlessWebAppWarnings.ShortQueueVisibilityTimeout"/> below the
/// recommendation); an imported queue's is not known at synth. The queue's own redrive policy decides when a failing
/// message is dead-lettered.
/// </summary>
public sealed class QueueEventSourceOptions : EventSourceOptions
{
    /// <summary>Messages per batch, 1–10000; above 10 needs <see cref="MaxBatchingWindow"/>. Default: 10.</summary>
    public int? BatchSize { get; set; }

    /// <summary>How long Lambda gathers messages before invoking, whole seconds 0–300. Default: none.</summary>
    public Duration? MaxBatchingWindow { get; set; }

    /// <summary>Most concurrent invocations for this queue, 2–1000. Default: no limit but the function's.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Event filter patterns (<c>{"body": {...}}</c>); only matching messages are delivered, the rest are deleted. Default: none.</summary>
    public IDictionary<string, object>[]? Filters { get; set; }
}
