using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// Wires each of <c>EventSources</c> to the web function or the worker (created when there is no task worker), and
/// registers name = source ARN on each function in <c>SWA_EVENT_SOURCES</c>, by which the runtime routes records.
/// </summary>
internal static class EventSourcesBuilder
{
    public static EventSourcesParts Build(Construct app, ServerlessWebAppProps props, FunctionParts web, FunctionParts? taskWorker,
        Func<FunctionParts> createWorker)
    {
        var sources = props.EventSources ?? [];
        if (sources.Count == 0) return EventSourcesParts.None(taskWorker);

        var worker = taskWorker ?? (EventSourcesValidation.NeedsWorker(props) ? createWorker() : null);
        var scope = new Construct(app, "EventSources");
        var bound = new List<(BoundEventSource Source, FunctionParts Function)>();
        foreach (var source in sources)
        {
            var function = source.Function == EventSourceFunction.Web ? web : worker!;
            bound.Add((source.Bind(new EventSourceTarget(scope, source.Name, function)), function));
        }
        foreach (var group in bound.GroupBy(b => b.Function))
        {
            group.Key.Function.AddEnvironment(SwaEnvironment.EventSources, string.Join(SwaNames.EntrySeparator,
                group.Select(b => $"{b.Source.Name}{SwaNames.NameValueSeparator}{b.Source.SourceArn}")));
        }
        var resources = bound.Where(b => b.Source.Resource is not null).ToDictionary(b => b.Source.Name, b => b.Source.Resource!, StringComparer.Ordinal);
        var failureQueues = scope.Node.Children.OfType<Queue>().ToArray();
        var hasBucketSource = sources.Any(s => s is BucketEventSource);
        // CDK's bucket-notifications handler is created at the stack's root, outside this construct: give its role the
        // organisation's boundary too.
        if (hasBucketSource && props.PermissionsBoundary is { } boundary && EventSourceAcknowledgements.NotificationsHandler(app) is { } handler)
            Amazon.CDK.AWS.IAM.PermissionsBoundary.Of(handler).Apply(boundary);
        return new EventSourcesParts(worker, resources, failureQueues, hasBucketSource);
    }
}
