using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.EventSources;

namespace Serverless.WebApp.Constructs.Functions;

/// <summary>
/// Pure defaults of the worker function, which runs the tasks and the event sources on the worker: set by
/// <see cref="ServerlessWebAppTasksProps"/> when there are tasks, otherwise by <see cref="ServerlessWebAppEventSourcesProps"/>.
/// </summary>
internal static class WorkerDefaults
{
    public static Duration DefaultTimeout() => Durations.Minutes(5);

    /// <summary>Whether the app has a worker: with tasks, or with an event source on the worker.</summary>
    public static bool IsNeeded(ServerlessWebAppProps props) => props.Tasks is not null || HasWorkerEventSources(props);

    public static bool HasWorkerEventSources(ServerlessWebAppProps props) =>
        props.EventSources?.Sources?.Any(s => s?.Function == EventSourceFunction.Worker) == true;

    public static Duration Timeout(ServerlessWebAppProps props) =>
        props.Tasks?.WorkerTimeout ?? props.EventSources?.WorkerTimeout ?? DefaultTimeout();

    /// <summary>The worker's memory in MB, or null for the web function's.</summary>
    public static double? MemorySize(ServerlessWebAppProps props) =>
        props.Tasks is { } tasks ? tasks.WorkerMemorySize : props.EventSources?.WorkerMemorySize;

    /// <summary>The supplied worker role, or null to create one.</summary>
    public static IRole? Role(ServerlessWebAppProps props) => props.Tasks is { } tasks ? tasks.WorkerRole : props.EventSources?.WorkerRole;
}
