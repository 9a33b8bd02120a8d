using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>An identity in an S3 event: who caused it, or who owns the bucket.</summary>
public sealed class S3Identity
{
    /// <summary>The principal: who caused the event in <c>userIdentity</c>, the bucket owner's id in <c>ownerIdentity</c>.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }
}
