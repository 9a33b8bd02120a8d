namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Used on Lambda when the construct created no status table: nothing is recorded, every delivery runs, and
/// <see cref="GetAsync"/> knows no task. Retries and the dead-letter queue still guard against loss.
/// </summary>
internal sealed class UntrackedTaskStatusStore : ITaskStatusStore, ITaskStatusWriter
{
    public bool IsTracking => false;

    public Task<TaskStatusRecord?> GetAsync(string taskId, CancellationToken cancellationToken = default) =>
        Task.FromResult<TaskStatusRecord?>(null);

    public Task<bool> TryCreateAsync(string taskId, string taskName, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task RemoveReceivedAsync(string taskId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TaskBeginOutcome> BeginAsync(string taskId, string taskName, DateTimeOffset? leaseUntil,
        CancellationToken cancellationToken) => Task.FromResult(TaskBeginOutcome.Started(0));

    public Task CompleteAsync(string taskId, string? resultJson, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task FailAsync(string taskId, string taskName, string error, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
