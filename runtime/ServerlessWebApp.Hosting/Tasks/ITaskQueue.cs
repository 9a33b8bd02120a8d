namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Enqueues tasks mapped with <see cref="Microsoft.AspNetCore.Builder.TaskEndpointRouteBuilderExtensions.MapTask{TPayload}"/>: to the SQS queue on
/// Lambda, to the durable local queue (SQLite) off Lambda.
/// </summary>
public interface ITaskQueue
{
    /// <summary>Enqueues <paramref name="payload"/> for the task mapped as <paramref name="taskName"/> and returns its task id.</summary>
    /// <exception cref="TaskEnqueueException">The task is not mapped, the payload type does not match, the options are invalid or the payload is too large.</exception>
    Task<string> EnqueueAsync<TPayload>(string taskName, TPayload payload, TaskEnqueueOptions? options = null,
        CancellationToken cancellationToken = default);
}
