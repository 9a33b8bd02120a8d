using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The change a DynamoDB stream record describes: keys and, per the stream's view type, the item's images.</summary>
public sealed class DynamoDbStreamChange
{
    /// <summary>When the change was made, in seconds since the Unix epoch.</summary>
    [JsonPropertyName("ApproximateCreationDateTime")] public double? ApproximateCreationDateTime { get; init; }

    /// <summary>The primary key attributes of the modified item.</summary>
    [JsonPropertyName("Keys")] public Dictionary<string, DynamoDbAttributeValue> Keys { get; init; } = new();

    /// <summary>The item as it appeared after the change; set for <c>NEW_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c> streams, null for a removal.</summary>
    [JsonPropertyName("NewImage")] public Dictionary<string, DynamoDbAttributeValue>? NewImage { get; init; }

    /// <summary>The item as it appeared before the change; set for <c>OLD_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c> streams, null for an insert.</summary>
    [JsonPropertyName("OldImage")] public Dictionary<string, DynamoDbAttributeValue>? OldImage { get; init; }

    /// <summary>Orders the records of a shard; reported back for a failed record.</summary>
    [JsonPropertyName("SequenceNumber")] public string SequenceNumber { get; init; } = "";

    /// <summary>The size of the stream record, in bytes.</summary>
    [JsonPropertyName("SizeBytes")] public long SizeBytes { get; init; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")] public string? StreamViewType { get; init; }
}
