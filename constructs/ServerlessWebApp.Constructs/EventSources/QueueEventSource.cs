using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Tasks;

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

    internal override void Validate(EventSourceErrors errors, string property)
    {
        errors.InRange(options.BatchSize, 1, 10000, $"{property}.BatchSize");
        errors.InRange(options.MaxBatchingWindow, 0, 300, $"{property}.MaxBatchingWindow");
        errors.InRange(options.MaxConcurrency, 2, 1000, $"{property}.MaxConcurrency");
        if (options.BatchSize > 10 && (options.MaxBatchingWindow?.ToSeconds() ?? 0) < 1)
            errors.Fail($"{property}.BatchSize", $"is {options.BatchSize}, above 10, which needs MaxBatchingWindow of at least 1 second; allowed: 1 to 10 without a window");
    }

    /// <summary>The queue's visibility timeout in seconds, when the queue is created in this app (null for an imported one).</summary>
    internal double? VisibilityTimeoutSeconds => (queue.Node.DefaultChild as CfnQueue)?.VisibilityTimeout ?? (queue is Queue ? 30 : null);

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
        Nag.SubConstructAcknowledgements.SqsEventSourceMapping(mapping);
        target.Function.Identity.Grant(EventSourcePermissions.ConsumeQueue(queue.QueueArn, queue.EncryptionMasterKey));
        return new BoundEventSource(Name, queue.QueueArn, mapping);
    }
}
