using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The bucket of an S3 event.</summary>
public sealed class S3BucketEntity
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    [JsonPropertyName("ownerIdentity")] public S3Identity? OwnerIdentity { get; init; }

    [JsonPropertyName("arn")] public string Arn { get; init; } = "";
}
