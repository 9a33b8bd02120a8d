using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// An event source mapping from the queue to the function's alias with partial batch responses: only failed messages
/// return to the queue, whose own redrive policy dead-letters them. The function may consume this queue only.
/// </summary>
internal sealed class QueueEventSource(string name, IQueue queue, QueueEventSourceOptions options) : AppEventSource(name, options)
{
    internal override string Kind => "queue";

    internal override string RecordType => "SqsMessage";

    internal IQueue Queue => queue;

    internal override void Check(Findings findings, string property)
    {
        ValueRules.InRange(findings, options.BatchSize, 1, 10000, $"{property}.BatchSize");
        var window = ValueRules.WholeSeconds(findings, options.MaxBatchingWindow, $"{property}.MaxBatchingWindow");
        ValueRules.InRange(findings, window, 0, 300, $"{property}.MaxBatchingWindow", "seconds");
        ValueRules.InRange(findings, options.MaxConcurrency, 2, 1000, $"{property}.MaxConcurrency");
        if (options.BatchSize > 10 && (window ?? 0) < 1)
            findings.Error($"{property}.BatchSize", $"is {options.BatchSize}, above 10, which needs MaxBatchingWindow of at least 1 second; allowed: 1 to 10 without a window");
    }

    /// <summary>
    /// The queue's visibility timeout in seconds when synth knows it: a queue created in this CDK app (SQS's 30 s when
    /// it sets none); null for an imported queue or a value only known at deploy.
    /// </summary>
    internal double? VisibilityTimeoutSeconds
    {
        get
        {
            if (queue is not Amazon.CDK.AWS.SQS.Queue || queue.Node.DefaultChild is not CfnQueue cfnQueue) return null;
            if (cfnQueue.VisibilityTimeout is not { } seconds) return EventSourceDefaults.SqsVisibilityTimeoutSeconds;
            return Token.IsUnresolved(seconds) ? null : seconds;
        }
    }

    /// <summary>The batching window in seconds (0 without one).</summary>
    internal double BatchingWindowSeconds => options.MaxBatchingWindow?.ToSeconds() ?? 0;

    internal override BoundEventSource Bind(EventSourceTarget target)
    {
        // A plain mapping rather than SqsEventSource, so every grant goes through the function's identity (and into the
        // required-permissions report when the role is supplied).
        var mapping = new EventSourceMapping(target.Scope, target.Id, new EventSourceMappingProps
        {
            Target = target.Function.Alias,
            EventSourceArn = queue.QueueArn,
            BatchSize = options.BatchSize ?? EventSourceDefaults.QueueBatchSize,
            MaxBatchingWindow = options.MaxBatchingWindow,
            MaxConcurrency = options.MaxConcurrency,
            ReportBatchItemFailures = true,
            Filters = options.Filters?.Select(FilterCriteria.Filter).ToArray(),
        });
        target.Function.Identity.Grant(EventSourcePermissions.ConsumeQueue(queue.QueueArn, queue.EncryptionMasterKey));
        return new BoundEventSource(Name, queue.QueueArn, mapping);
    }
}
