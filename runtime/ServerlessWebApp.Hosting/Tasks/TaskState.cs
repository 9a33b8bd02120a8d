using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Where a task is in its life: <c>RECEIVED → IN_PROGRESS → DONE | FAILED</c>. A failed attempt that will be retried
/// goes back to <see cref="InProgress"/> on its next delivery; <see cref="Done"/> is final.
/// Serialises as its wire name (<c>"DONE"</c>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
public enum TaskState
{
    /// <summary>Accepted by the queue, not started yet.</summary>
    [JsonStringEnumMemberName(TaskStateNames.Received)]
    Received,
    /// <summary>An attempt is running.</summary>
    [JsonStringEnumMemberName(TaskStateNames.InProgress)]
    InProgress,
    /// <summary>Ran to completion. A redelivered message for this task is not run again.</summary>
    [JsonStringEnumMemberName(TaskStateNames.Done)]
    Done,
    /// <summary>The last attempt failed; the task is retried until the queue dead-letters it.</summary>
    [JsonStringEnumMemberName(TaskStateNames.Failed)]
    Failed,
}
