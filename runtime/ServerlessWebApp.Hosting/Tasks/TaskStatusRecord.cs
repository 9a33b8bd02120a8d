namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>The recorded status of one task, as <see cref="ITaskStatusStore"/> returns it.</summary>
/// <param name="TaskId">The id <see cref="ITaskQueue.EnqueueAsync{TPayload}"/> returned.</param>
/// <param name="TaskName">The name the task was mapped under.</param>
/// <param name="State">Where the task is in its life.</param>
/// <param name="Attempts">How many times a handler was started for it.</param>
/// <param name="CreatedAt">When it was enqueued (or first seen by the worker).</param>
/// <param name="UpdatedAt">When the record last changed.</param>
/// <param name="StartedAt">When the latest attempt started.</param>
/// <param name="CompletedAt">When it reached <see cref="TaskState.Done"/> or its latest failure.</param>
/// <param name="ResultJson">The JSON result the handler set through <see cref="TaskContext.SetResult{TResult}"/>.</param>
/// <param name="Error">The latest failure, as "ExceptionType: message".</param>
/// <param name="ExpiresAt">When the record is deleted (the status table's time-to-live).</param>
public sealed record TaskStatusRecord(
    string TaskId,
    string TaskName,
    TaskState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? ResultJson,
    string? Error,
    DateTimeOffset ExpiresAt);
