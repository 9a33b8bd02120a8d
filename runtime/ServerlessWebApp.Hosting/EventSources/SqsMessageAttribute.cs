using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>A message attribute of an SQS message.</summary>
public sealed class SqsMessageAttribute
{
    /// <summary><c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix (<c>Number.int</c>).</summary>
    [JsonPropertyName("dataType")] public string DataType { get; init; } = "";

    /// <summary>The value of a <c>String</c> or <c>Number</c> attribute (a number as its decimal text).</summary>
    [JsonPropertyName("stringValue")] public string? StringValue { get; init; }

    /// <summary>The binary value, decoded from the base64 SQS sends.</summary>
    [JsonPropertyName("binaryValue")] public byte[]? BinaryValue { get; init; }

    /// <summary>Reserved by SQS for lists of strings; not used by SQS today.</summary>
    [JsonPropertyName("stringListValues")] public List<string>? StringListValues { get; init; }

    /// <summary>Reserved by SQS for lists of binary values; not used by SQS today.</summary>
    [JsonPropertyName("binaryListValues")] public List<byte[]>? BinaryListValues { get; init; }
}
