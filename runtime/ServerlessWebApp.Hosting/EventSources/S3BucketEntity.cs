using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The bucket of an S3 event.</summary>
public sealed class S3BucketEntity
{
    /// <summary>The bucket name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The bucket owner.</summary>
    [JsonPropertyName("ownerIdentity")] public S3Identity? OwnerIdentity { get; init; }

    /// <summary>The bucket ARN.</summary>
    [JsonPropertyName("arn")] public string Arn { get; init; } = "";
}
