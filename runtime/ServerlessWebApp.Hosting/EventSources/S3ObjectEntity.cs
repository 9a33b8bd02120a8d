using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The object of an S3 event.</summary>
public sealed class S3ObjectEntity
{
    /// <summary>The object key as S3 sends it: URL-encoded, with '+' for a space. Use <see cref="DecodedKey"/> to read the object.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";

    /// <summary>The object key as stored (<see cref="Key"/> with its URL encoding undone).</summary>
    [JsonIgnore] public string DecodedKey => Uri.UnescapeDataString(Key.Replace('+', ' '));

    /// <summary>Size in bytes; absent for deletions.</summary>
    [JsonPropertyName("size")] public long? Size { get; init; }

    /// <summary>The object's entity tag (ETag); absent for deletions.</summary>
    [JsonPropertyName("eTag")] public string? ETag { get; init; }

    /// <summary>The version id, when the bucket is versioned.</summary>
    [JsonPropertyName("versionId")] public string? VersionId { get; init; }

    /// <summary>Orders events for the same key: a greater value (compared as hexadecimal) is a later event.</summary>
    [JsonPropertyName("sequencer")] public string? Sequencer { get; init; }
}
