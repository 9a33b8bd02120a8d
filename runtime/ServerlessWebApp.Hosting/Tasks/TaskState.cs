namespace ServerlessWebApp.Hosting.Tasks;

/// <summary>
/// Where a task is in its life: <c>RECEIVED → IN_PROGRESS → DONE | FAILED</c>. A failed attempt that will be retried
/// goes back to <see cref="InProgress"/> on its next delivery; <see cref="Done"/> is final.
/// </summary>
public enum TaskState
{
    /// <summary>Accepted by the queue, not started yet.</summary>
    Received,
    /// <summary>An attempt is running.</summary>
    InProgress,
    /// <summary>Ran to completion. A redelivered message for this task is not run again.</summary>
    Done,
    /// <summary>The last attempt failed; the task is retried until the queue dead-letters it.</summary>
    Failed,
}
