using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>A message attribute of an SNS message: its data type and value as text.</summary>
public sealed class SnsMessageAttribute
{
    /// <summary><c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    [JsonPropertyName("Type")] public string Type { get; init; } = "";

    /// <summary>The attribute value as text; a <c>Binary</c> value is base64-encoded.</summary>
    [JsonPropertyName("Value")] public string? Value { get; init; }
}
