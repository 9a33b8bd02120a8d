namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Checks an enqueue request against the mapped tasks and builds its message; shared by both queues.</summary>
internal sealed class TaskMessageFactory
{
    /// <summary>SQS's longest message delay.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private readonly TaskRegistry _registry;
    private readonly TimeProvider _clock;

    public TaskMessageFactory(TaskRegistry registry, TimeProvider clock)
    {
        _registry = registry;
        _clock = clock;
    }

    /// <exception cref="TaskEnqueueException">Unknown task, wrong payload type or invalid options.</exception>
    public TaskMessage Create<TPayload>(string taskName, TPayload payload, TaskEnqueueOptions? options)
    {
        ArgumentNullException.ThrowIfNull(taskName);
        var registration = _registry.Find(taskName) ?? throw new TaskEnqueueException(
            $"No task named '{taskName}' is mapped. Known tasks: {_registry.DescribeKnown()}.");
        if (registration is not TaskRegistration<TPayload> typed)
        {
            throw new TaskEnqueueException(
                $"Task '{taskName}' takes a {registration.PayloadType.FullName} payload, not {typeof(TPayload).FullName}.");
        }
        if (payload is null)
        {
            throw new TaskEnqueueException($"The payload of task '{taskName}' is null; a {typeof(TPayload).Name} is required.");
        }
        Validate(options);
        var taskId = options?.DeduplicationKey is { } key ? TaskIds.FromKey("enqueue", taskName, key) : TaskIds.New();
        return new TaskMessage(taskId, taskName, _clock.GetUtcNow(), typed.Serialize(payload), null);
    }

    private static void Validate(TaskEnqueueOptions? options)
    {
        if (options is null) return;
        if (options.Delay < TimeSpan.Zero || options.Delay > MaxDelay)
        {
            throw new TaskEnqueueException(
                $"TaskEnqueueOptions.Delay is {options.Delay}; allowed: 0 to 15 minutes (SQS's maximum delay).");
        }
        if (options.DeduplicationKey is { Length: 0 or > 128 })
        {
            throw new TaskEnqueueException("TaskEnqueueOptions.DeduplicationKey must be 1 to 128 characters, or null.");
        }
    }
}
