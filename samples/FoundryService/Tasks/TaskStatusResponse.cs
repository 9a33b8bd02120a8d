using System.Text.Json.Serialization;
using FoundryService.ComputeDna;
using Serverless.WebApp.Hosting.Tasks;

namespace FoundryService.Tasks;

/// <summary>Body of <c>GET /tasks/{id}</c>.</summary>
public sealed record TaskStatusResponse(
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("task_name")] string TaskName,
    [property: JsonPropertyName("state")] TaskState State,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt,
    [property: JsonPropertyName("result")] DnaAnalysis? Result,
    [property: JsonPropertyName("error")] string? Error);
