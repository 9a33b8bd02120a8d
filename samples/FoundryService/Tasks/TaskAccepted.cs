using System.Text.Json.Serialization;

namespace FoundryService.Tasks;

/// <summary>Body of the 202 answer to an accepted job.</summary>
public sealed record TaskAccepted(
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("status_url")] string StatusUrl);
