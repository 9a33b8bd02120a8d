namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>How one task is enqueued.</summary>
public sealed class TaskEnqueueOptions
{
    /// <summary>How long the task waits before it may start: 0 to 15 minutes (SQS's limit). Default: no delay.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Enqueueing twice with the same task name and key yields the same task id and runs the task once (while its
    /// status record lives). Default: null, every enqueue is a new task.
    /// </summary>
    public string? DeduplicationKey { get; init; }
}
