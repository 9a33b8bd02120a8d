namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>The state machine's writes. Each store makes them atomic (conditional writes in DynamoDB, upserts in SQLite).</summary>
internal interface ITaskStatusWriter
{
    /// <summary>Records a new task as RECEIVED; false when a record with this id exists (a duplicate enqueue).</summary>
    Task<bool> TryCreateAsync(string taskId, string taskName, CancellationToken cancellationToken);

    /// <summary>Removes a RECEIVED record whose message could not be sent, so the same deduplication key can be retried.</summary>
    Task RemoveReceivedAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the task to IN_PROGRESS and counts the attempt, unless it is DONE or another delivery holds it: a
    /// duplicate SQS delivery must not run the task alongside the first. The hold lasts until
    /// <paramref name="leaseUntil"/> (the attempt's deadline); null holds nothing (the local queue never runs duplicates).
    /// </summary>
    Task<TaskBeginOutcome> BeginAsync(string taskId, string taskName, DateTimeOffset? leaseUntil, CancellationToken cancellationToken);

    /// <summary>Moves the task to DONE with its result.</summary>
    Task CompleteAsync(string taskId, string? resultJson, CancellationToken cancellationToken);

    /// <summary>Moves the task to FAILED with the error (never overwrites DONE).</summary>
    Task FailAsync(string taskId, string taskName, string error, CancellationToken cancellationToken);
}
