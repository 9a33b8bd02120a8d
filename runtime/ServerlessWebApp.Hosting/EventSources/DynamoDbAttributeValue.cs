using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>A DynamoDB attribute value in the stream's JSON form: exactly one of its properties is set.</summary>
public sealed class DynamoDbAttributeValue
{
    [JsonPropertyName("S")] public string? S { get; init; }

    /// <summary>A number, as the exact decimal text DynamoDB stores.</summary>
    [JsonPropertyName("N")] public string? N { get; init; }

    /// <summary>Binary, decoded from base64.</summary>
    [JsonPropertyName("B")] public byte[]? B { get; init; }

    [JsonPropertyName("BOOL")] public bool? Bool { get; init; }

    /// <summary>True for a NULL attribute.</summary>
    [JsonPropertyName("NULL")] public bool? Null { get; init; }

    [JsonPropertyName("SS")] public List<string>? SS { get; init; }

    [JsonPropertyName("NS")] public List<string>? NS { get; init; }

    [JsonPropertyName("BS")] public List<byte[]>? BS { get; init; }

    [JsonPropertyName("M")] public Dictionary<string, DynamoDbAttributeValue>? M { get; init; }

    [JsonPropertyName("L")] public List<DynamoDbAttributeValue>? L { get; init; }
}
