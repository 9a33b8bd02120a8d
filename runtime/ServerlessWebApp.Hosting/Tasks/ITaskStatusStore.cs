namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Reads task status: DynamoDB on Lambda when the construct created a status table, the local SQLite file off
/// Lambda. Inject it to answer <c>GET /tasks/{id}</c>.
/// </summary>
public interface ITaskStatusStore
{
    /// <summary>Whether status is recorded at all (false on Lambda without a status table).</summary>
    bool IsTracking { get; }

    /// <summary>The task's status, or null when no such task is known (or its record expired).</summary>
    Task<TaskStatusRecord?> GetAsync(string taskId, CancellationToken cancellationToken = default);
}
