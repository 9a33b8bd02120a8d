using FoundryService.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Serverless.WebApp.Hosting.Tasks;

namespace FoundryService.Tasks;

/// <summary><c>GET /tasks/{id}</c>: a task's state from the status store, with its stored result once DONE.</summary>
public static class TaskEndpoints
{
    public static string StatusPath(string taskId) => $"/tasks/{Uri.EscapeDataString(taskId)}";

    public static IEndpointRouteBuilder MapTaskStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tasks/{id}", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<TaskStatusResponse>, ProblemHttpResult>> GetAsync(
        string id, IServiceProvider services, IDnaResultStore results, CancellationToken cancellationToken)
    {
        if (services.GetService<ITaskStatusStore>() is not { } statuses) return TaskSupport.Unavailable($"Status of task '{id}'");
        if (!statuses.IsTracking)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Task status not tracked",
                detail: "This deployment has no task status table, so task states cannot be looked up.");
        }
        var status = await statuses.GetAsync(id, cancellationToken);
        if (status is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown task",
                detail: $"No task with id '{id}' (ids come from the Location header of POST /compute-dna/; records expire).");
        }
        var result = status.State == TaskState.Done ? await results.GetAsync(status.TaskId, cancellationToken) : null;
        return TypedResults.Ok(new TaskStatusResponse(status.TaskId, status.TaskName, status.State,
            status.Attempts, status.CreatedAt, status.UpdatedAt, status.CompletedAt, result, status.Error));
    }
}
