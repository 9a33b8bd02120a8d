using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The bucket and object an S3 event is about.</summary>
public sealed class S3Entity
{
    /// <summary>The version of the <c>s3</c> block's format, e.g. <c>1.0</c>.</summary>
    [JsonPropertyName("s3SchemaVersion")] public string? S3SchemaVersion { get; init; }

    /// <summary>The id of the bucket's notification configuration that sent the event.</summary>
    [JsonPropertyName("configurationId")] public string? ConfigurationId { get; init; }

    /// <summary>The bucket the event happened in.</summary>
    [JsonPropertyName("bucket")] public S3BucketEntity Bucket { get; init; } = new();

    /// <summary>The object the event is about.</summary>
    [JsonPropertyName("object")] public S3ObjectEntity Object { get; init; } = new();
}
