using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>An identity in an S3 event: who caused it, or who owns the bucket.</summary>
public sealed class S3Identity
{
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }
}
