using Serverless.WebApp.Constructs.EventSources;
using Serverless.WebApp.Constructs.Functions;
using static Serverless.WebApp.Constructs.Validation.FunctionChecks;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// The event sources (<c>EventSources</c>): names, each source's options, what Lambda requires of a queue source's
/// visibility timeout, and the settings of a worker created for the sources.
/// </summary>
internal static class EventSourcesChecks
{
    private const string Owner = nameof(ServerlessWebAppProps.EventSources);
    private const string Sources = Owner + "." + nameof(ServerlessWebAppEventSourcesProps.Sources);

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.EventSources is not { } eventSources) return;
        var sources = eventSources.Sources ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            var property = $"{Sources}[{i}]";
            if (sources[i] is not { } source)
            {
                findings.Error(property, "is null; allowed: AppEventSource.FromBucket, FromTopic, FromQueue, FromTableStream, FromKinesisStream or FromEventPattern");
                continue;
            }
            if (!NameRules.IsEventSourceName(source.Name))
                findings.Error($"{property}.Name", $"'{source.Name}' is invalid; allowed: {NameRules.EventSourceNameRule} (the name the app maps with MapEvent)");
            else if (!names.Add(source.Name))
                findings.Error($"{property}.Name", $"'{source.Name}' is used twice; allowed: each name once");
            source.Check(findings, property);
            if (source is QueueEventSource queue) CheckVisibilityTimeout(findings, props, queue, property);
        }
        CheckWorker(findings, props, eventSources);
    }

    /// <summary>
    /// Lambda refuses a queue mapping when the queue's visibility timeout is below the function's timeout; AWS recommends
    /// six times the timeout plus the batching window. Checked where synth knows the value (a queue created in this app).
    /// </summary>
    private static void CheckVisibilityTimeout(Findings findings, ServerlessWebAppProps props, QueueEventSource source, string property)
    {
        if (source.VisibilityTimeoutSeconds is not { } visibility) return;
        var onWeb = source.Function == EventSourceFunction.Web;
        var function = onWeb ? "web" : "worker";
        var timeout = (onWeb ? FunctionDefaults.Timeout(props) : WorkerDefaults.Timeout(props)).ToSeconds();
        var recommended = EventSourceDefaults.RecommendedVisibilityTimeoutFactor * timeout + source.BatchingWindowSeconds;
        var queue = source.Queue.Node.Id;
        if (visibility < timeout)
            findings.Error(property, $"reads queue '{queue}' whose visibility timeout ({visibility} s) is shorter than the {function} function's " +
                $"timeout ({timeout} s), which Lambda refuses; allowed: a visibility timeout of at least {timeout} s (AWS recommends {recommended} s)");
        else if (visibility < recommended)
            findings.Warning(ServerlessWebAppWarnings.ShortQueueVisibilityTimeout,
                $"{property} reads queue '{queue}' whose visibility timeout ({visibility} s) is below AWS's recommendation for Lambda, six times the " +
                $"{function} function's timeout plus the batching window ({recommended} s): a message retried after a throttled or timed-out " +
                "invocation can become visible again while still being processed, and be processed twice.");
    }

    /// <summary>The settings of a worker created for the sources: only without Tasks (else the task worker runs them), and only with a source on it.</summary>
    private static void CheckWorker(Findings findings, ServerlessWebAppProps props, ServerlessWebAppEventSourcesProps eventSources)
    {
        var settings = new (string Name, object? Value, string TasksProperty)[]
        {
            (nameof(eventSources.WorkerTimeout), eventSources.WorkerTimeout, "Tasks.WorkerTimeout"),
            (nameof(eventSources.WorkerMemorySize), eventSources.WorkerMemorySize, "Tasks.WorkerMemorySize"),
            (nameof(eventSources.WorkerRole), eventSources.WorkerRole, "Tasks.WorkerRole"),
        };
        if (props.Tasks is not null || !WorkerDefaults.HasWorkerEventSources(props))
        {
            foreach (var (name, value, tasksProperty) in settings.Where(s => s.Value is not null))
            {
                findings.Error($"{Owner}.{name}", props.Tasks is not null
                    ? $"is set but Tasks is too, so the task worker runs the event sources; allowed: {tasksProperty}"
                    : "is set but no event source runs on the worker; allowed: only with a source on the worker (Function = EventSourceFunction.Worker, the default)");
            }
            return;
        }
        if (eventSources.WorkerTimeout is { } timeout)
        {
            var ms = timeout.ToMilliseconds();
            if (ms < MinTimeoutSeconds * 1000 || ms > MaxTimeoutSeconds * 1000 || ms % 1000 != 0)
                findings.Error($"{Owner}.WorkerTimeout", $"{timeout.ToHumanString()} is out of range; allowed: whole seconds from {MinTimeoutSeconds} to {MaxTimeoutSeconds} (Lambda's limit)");
        }
        if (eventSources.WorkerMemorySize is { } memory && !IsMemorySize(memory))
            findings.Error($"{Owner}.WorkerMemorySize", $"{memory} is out of range; allowed: whole MB from {MinMemory} to {MaxMemory}");
        if (props.Role is not null && eventSources.WorkerRole is null)
            findings.Error($"{Owner}.WorkerRole", "is required: event sources run on the worker and Role is supplied, so no role may be created for it; " +
                "allowed: a supplied EventSources.WorkerRole, or Function = EventSourceFunction.Web on each source");
    }
}
