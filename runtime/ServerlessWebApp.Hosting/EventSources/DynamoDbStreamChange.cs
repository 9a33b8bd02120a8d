using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The change a DynamoDB stream record describes: keys and, per the stream's view type, the item's images.</summary>
public sealed class DynamoDbStreamChange
{
    /// <summary>When the change was made, in seconds since the Unix epoch.</summary>
    [JsonPropertyName("ApproximateCreationDateTime")] public double? ApproximateCreationDateTime { get; init; }

    [JsonPropertyName("Keys")] public Dictionary<string, DynamoDbAttributeValue> Keys { get; init; } = new();

    [JsonPropertyName("NewImage")] public Dictionary<string, DynamoDbAttributeValue>? NewImage { get; init; }

    [JsonPropertyName("OldImage")] public Dictionary<string, DynamoDbAttributeValue>? OldImage { get; init; }

    /// <summary>Orders the records of a shard; reported back for a failed record.</summary>
    [JsonPropertyName("SequenceNumber")] public string SequenceNumber { get; init; } = "";

    [JsonPropertyName("SizeBytes")] public long SizeBytes { get; init; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")] public string? StreamViewType { get; init; }
}
