using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>An SNS message as delivered to Lambda.</summary>
public sealed class SnsMessage
{
    [JsonPropertyName("Type")] public string? Type { get; init; }

    [JsonPropertyName("MessageId")] public string MessageId { get; init; } = "";

    [JsonPropertyName("TopicArn")] public string TopicArn { get; init; } = "";

    [JsonPropertyName("Subject")] public string? Subject { get; init; }

    /// <summary>The message body as published.</summary>
    [JsonPropertyName("Message")] public string Message { get; init; } = "";

    [JsonPropertyName("Timestamp")] public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("SignatureVersion")] public string? SignatureVersion { get; init; }

    [JsonPropertyName("Signature")] public string? Signature { get; init; }

    [JsonPropertyName("SigningCertUrl")] public string? SigningCertUrl { get; init; }

    [JsonPropertyName("UnsubscribeUrl")] public string? UnsubscribeUrl { get; init; }

    [JsonPropertyName("MessageAttributes")] public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; init; }
}
