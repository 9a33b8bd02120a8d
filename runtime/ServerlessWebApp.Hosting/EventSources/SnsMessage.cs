using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>An SNS message as delivered to Lambda.</summary>
public sealed class SnsMessage
{
    /// <summary>The type of message: <c>Notification</c> for a published message.</summary>
    [JsonPropertyName("Type")] public string? Type { get; init; }

    /// <summary>A UUID unique to each published message; a redelivery keeps the original message id.</summary>
    [JsonPropertyName("MessageId")] public string MessageId { get; init; } = "";

    /// <summary>The ARN of the topic the message was published to.</summary>
    [JsonPropertyName("TopicArn")] public string TopicArn { get; init; } = "";

    /// <summary>The <c>Subject</c> given when the message was published; null when none was given.</summary>
    [JsonPropertyName("Subject")] public string? Subject { get; init; }

    /// <summary>The message body as published.</summary>
    [JsonPropertyName("Message")] public string Message { get; init; } = "";

    /// <summary>When the message was published (GMT).</summary>
    [JsonPropertyName("Timestamp")] public DateTimeOffset Timestamp { get; init; }

    /// <summary>The version of the SNS signature: <c>1</c> (SHA1withRSA) or <c>2</c> (SHA256withRSA).</summary>
    [JsonPropertyName("SignatureVersion")] public string? SignatureVersion { get; init; }

    /// <summary>Base64-encoded signature over <c>Message</c>, <c>MessageId</c>, <c>Subject</c>, <c>Type</c>, <c>Timestamp</c> and <c>TopicArn</c>.</summary>
    [JsonPropertyName("Signature")] public string? Signature { get; init; }

    /// <summary>The URL of the certificate that signed the message.</summary>
    [JsonPropertyName("SigningCertUrl")] public string? SigningCertUrl { get; init; }

    /// <summary>A URL that unsubscribes this endpoint from the topic when visited.</summary>
    [JsonPropertyName("UnsubscribeUrl")] public string? UnsubscribeUrl { get; init; }

    /// <summary>The message attributes the publisher set, by name.</summary>
    [JsonPropertyName("MessageAttributes")] public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; init; }
}
