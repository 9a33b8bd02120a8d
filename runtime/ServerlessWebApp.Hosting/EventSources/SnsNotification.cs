using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One record of an SNS event: the message a topic delivered to its Lambda subscription.</summary>
public sealed class SnsNotification : IEventSourceRecord<SnsNotification>
{
    static EventSourceKind IEventSourceRecord<SnsNotification>.Kind => EventSourceKind.Sns;

    static JsonTypeInfo<SnsNotification> IEventSourceRecord<SnsNotification>.JsonTypeInfo => EventSourceJsonContext.Default.SnsNotification;

    /// <summary>Always <c>aws:sns</c>.</summary>
    [JsonPropertyName("EventSource")] public string? EventSource { get; init; }

    /// <summary>The version of the SNS event format, e.g. <c>1.0</c>.</summary>
    [JsonPropertyName("EventVersion")] public string? EventVersion { get; init; }

    /// <summary>The ARN of the Lambda subscription that delivered the message.</summary>
    [JsonPropertyName("EventSubscriptionArn")] public string? EventSubscriptionArn { get; init; }

    /// <summary>The message itself.</summary>
    [JsonPropertyName("Sns")] public SnsMessage Sns { get; init; } = new();
}
