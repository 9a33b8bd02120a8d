using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>What a <see cref="TaskHandler{TPayload}"/> knows about the attempt it runs.</summary>
public sealed class TaskContext
{
    internal TaskContext(string taskId, string taskName, int attempt, DateTimeOffset? deadline, IServiceProvider services)
    {
        TaskId = taskId;
        TaskName = taskName;
        Attempt = attempt;
        Deadline = deadline;
        Services = services;
    }

    /// <summary>The task's id, as <see cref="ITaskQueue.EnqueueAsync{TPayload}"/> returned it; the same on every attempt.</summary>
    public string TaskId { get; }

    /// <summary>The name the task was mapped under with <c>MapTask</c>.</summary>
    public string TaskName { get; }

    /// <summary>1 for the first delivery, then counts redeliveries.</summary>
    public int Attempt { get; }

    /// <summary>When the attempt is cut off (the Lambda invocation deadline less a margin); null when unbounded.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Services scoped to this attempt.</summary>
    public IServiceProvider Services { get; }

    internal string? ResultJson { get; private set; }

    /// <summary>Records <paramref name="result"/> as the task's result in its status.</summary>
    public void SetResult<TResult>(TResult result, JsonTypeInfo<TResult> resultTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(resultTypeInfo);
        ResultJson = JsonSerializer.Serialize(result, resultTypeInfo);
    }
}
