using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Every synth-time check of <c>EventSources</c>; all errors of one synth are reported together, each naming its property.</summary>
internal static partial class EventSourcesValidation
{
    private const string Property = nameof(ServerlessWebAppProps.EventSources);

    /// <exception cref="ArgumentException">One or more entries are invalid; the message lists every error.</exception>
    public static void Validate(string constructPath, ServerlessWebAppProps props)
    {
        var sources = props.EventSources ?? [];
        if (sources.Count == 0) return;
        var errors = new EventSourceErrors();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            var property = $"{Property}[{i}]";
            if (sources[i] is not { } source)
            {
                errors.Fail(property, "is null; allowed: AppEventSource.FromBucket, FromTopic, FromQueue, FromTableStream, FromKinesisStream or FromEventPattern");
                continue;
            }
            if (!NamePattern().IsMatch(source.Name ?? ""))
                errors.Fail($"{property}.Name", $"'{source.Name}' is invalid; allowed: 1-64 letters, digits, '.', '_' or '-' (the name the app maps with MapEvent)");
            else if (!names.Add(source.Name))
                errors.Fail($"{property}.Name", $"'{source.Name}' is used twice; allowed: each name once");
            source.Validate(errors, property);
            if (source is QueueEventSource queue && queue.VisibilityTimeoutSeconds is { } visibility &&
                FunctionTimeoutSeconds(props, source.Function) is var timeout && visibility < timeout)
                errors.Fail(property, $"reads queue '{queue.Queue.Node.Id}' whose visibility timeout ({visibility} s) is below the " +
                    $"{source.Function.ToString().ToLowerInvariant()} function's timeout ({timeout} s), which Lambda refuses; allowed: a visibility timeout of at least {timeout} s (AWS recommends {6 * timeout} s)");
            if (source is BucketEventSource && props.Role is not null)
                errors.Fail(property, "is a bucket, whose notifications CDK configures through a helper function with a role of its own, " +
                    "but Role is supplied so no role may be created; allowed: a topic, queue or pattern source, or the bucket's notification configured outside the construct");
        }
        if (props.Tasks is null && props.Role is not null && sources.Any(s => s?.Function == EventSourceFunction.Worker))
            errors.Fail(nameof(props.WorkerRole), "is required: event sources run on the worker and Role is supplied, so no role may be created for it; " +
                "allowed: a supplied WorkerRole, or Function = EventSourceFunction.Web on each source");
        if (errors.All.Count > 0)
            throw new ArgumentException($"ServerlessWebApp '{constructPath}': {string.Join("; ", errors.All)}.", Property);
    }

    /// <summary>Whether a worker function exists or must be created for the event sources.</summary>
    public static bool NeedsWorker(ServerlessWebAppProps props) =>
        props.EventSources?.Any(s => s?.Function == EventSourceFunction.Worker) == true;

    private static double FunctionTimeoutSeconds(ServerlessWebAppProps props, EventSourceFunction function) =>
        function == EventSourceFunction.Web
            ? FunctionDefaults.Timeout(props).ToSeconds()
            : (props.Tasks is { } tasks ? ServerlessWebAppTasksDefaults.WorkerTimeout(tasks) : EventSourceDefaults.WorkerTimeout).ToSeconds();

    [GeneratedRegex(SwaNames.EventSourceNamePattern)]
    private static partial Regex NamePattern();
}
