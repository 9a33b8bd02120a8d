using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The bucket and object an S3 event is about.</summary>
public sealed class S3Entity
{
    [JsonPropertyName("s3SchemaVersion")] public string? S3SchemaVersion { get; init; }

    /// <summary>The id of the bucket's notification configuration that sent the event.</summary>
    [JsonPropertyName("configurationId")] public string? ConfigurationId { get; init; }

    [JsonPropertyName("bucket")] public S3BucketEntity Bucket { get; init; } = new();

    [JsonPropertyName("object")] public S3ObjectEntity Object { get; init; } = new();
}
