using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One record of an SNS event: the message a topic delivered to its Lambda subscription.</summary>
public sealed class SnsNotification : IEventSourceRecord<SnsNotification>
{
    static EventSourceKind IEventSourceRecord<SnsNotification>.Kind => EventSourceKind.Sns;

    static JsonTypeInfo<SnsNotification> IEventSourceRecord<SnsNotification>.JsonTypeInfo => EventSourceJsonContext.Default.SnsNotification;

    [JsonPropertyName("EventSource")] public string? EventSource { get; init; }

    [JsonPropertyName("EventVersion")] public string? EventVersion { get; init; }

    [JsonPropertyName("EventSubscriptionArn")] public string? EventSubscriptionArn { get; init; }

    [JsonPropertyName("Sns")] public SnsMessage Sns { get; init; } = new();
}
