using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>A DynamoDB attribute value in the stream's JSON form: exactly one of its properties is set.</summary>
public sealed class DynamoDbAttributeValue
{
    /// <summary>A string.</summary>
    [JsonPropertyName("S")] public string? S { get; init; }

    /// <summary>A number, as the exact decimal text DynamoDB stores.</summary>
    [JsonPropertyName("N")] public string? N { get; init; }

    /// <summary>Binary, decoded from base64.</summary>
    [JsonPropertyName("B")] public byte[]? B { get; init; }

    /// <summary>A Boolean.</summary>
    [JsonPropertyName("BOOL")] public bool? Bool { get; init; }

    /// <summary>True for a NULL attribute.</summary>
    [JsonPropertyName("NULL")] public bool? Null { get; init; }

    /// <summary>A string set.</summary>
    [JsonPropertyName("SS")] public List<string>? SS { get; init; }

    /// <summary>A number set, each as its exact decimal text.</summary>
    [JsonPropertyName("NS")] public List<string>? NS { get; init; }

    /// <summary>A binary set, each decoded from base64.</summary>
    [JsonPropertyName("BS")] public List<byte[]>? BS { get; init; }

    /// <summary>A map of attribute names to values.</summary>
    [JsonPropertyName("M")] public Dictionary<string, DynamoDbAttributeValue>? M { get; init; }

    /// <summary>A list of values.</summary>
    [JsonPropertyName("L")] public List<DynamoDbAttributeValue>? L { get; init; }
}
