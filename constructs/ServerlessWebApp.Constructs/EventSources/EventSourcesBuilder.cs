using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// Wires each of <c>EventSources.Sources</c> to the web function or the worker, and registers name = source ARN on each
/// function in <c>SWA_EVENT_SOURCES</c>, by which the runtime routes records.
/// </summary>
internal static class EventSourcesBuilder
{
    /// <summary>Wires the sources; <paramref name="worker"/> (<see cref="WorkerBuilder"/>) exists whenever a source runs on the worker.</summary>
    public static EventSourcesParts Build(Construct app, ServerlessWebAppProps props, FunctionParts web, FunctionParts? worker, IKey? key)
    {
        var sources = props.EventSources?.Sources ?? [];
        if (sources.Count == 0) return EventSourcesParts.None;

        var scope = new Construct(app, "EventSources");
        var bound = new List<(BoundEventSource Source, FunctionParts Function)>();
        foreach (var source in sources)
        {
            var function = source.Function == EventSourceFunction.Web
                ? web
                : worker ?? throw new InvalidOperationException("An app with an event source on the worker has a worker function.");
            bound.Add((source.Bind(new EventSourceTarget(scope, source.Name, function, key)), function));
        }
        foreach (var group in bound.GroupBy(b => b.Function))
        {
            group.Key.Function.AddEnvironment(SwaEnvironment.EventSources, string.Join(SwaNames.EntrySeparator,
                group.Select(b => $"{b.Source.Name}{SwaNames.NameValueSeparator}{b.Source.SourceArn}")));
        }
        var resources = bound.Where(b => b.Source.Resource is not null).ToDictionary(b => b.Source.Name, b => b.Source.Resource!, StringComparer.Ordinal);
        var queueMappings = sources.OfType<QueueEventSource>().Select(s => (EventSourceMapping)resources[s.Name]).ToArray();
        var failureQueues = scope.Node.Children.OfType<Queue>().ToArray();
        // CDK's bucket-notifications handler is created at the stack's root, outside this construct: its role follows the
        // organisation's rules (boundary, path, name prefix) too.
        var notificationsHandler = sources.Any(s => s is BucketEventSource) ? BucketEventSource.NotificationsHandler(app) : null;
        if (notificationsHandler is not null) OrganisationRolePolicy.Apply(notificationsHandler, props);
        return new EventSourcesParts(resources, queueMappings, failureQueues, notificationsHandler,
            sources.OfType<EventPatternSource>().Any(s => s.CreatesDeadLetterQueue),
            sources.OfType<TopicEventSource>().Select(s => s.TopicArnWithCreatedDeadLetterQueue).OfType<string>().ToList());
    }
}
