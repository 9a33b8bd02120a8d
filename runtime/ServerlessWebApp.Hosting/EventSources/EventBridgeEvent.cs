using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>
/// An event an EventBridge rule matched. <see cref="Detail"/> is left as JSON: deserialise it with your own
/// <c>JsonSerializerContext</c>, or map a type of your own that implements <see cref="IEventSourceRecord{TSelf}"/>
/// with <see cref="EventSourceKind.EventBridge"/> and a typed <c>detail</c>.
/// </summary>
public sealed class EventBridgeEvent : IEventSourceRecord<EventBridgeEvent>
{
    static EventSourceKind IEventSourceRecord<EventBridgeEvent>.Kind => EventSourceKind.EventBridge;

    static JsonTypeInfo<EventBridgeEvent> IEventSourceRecord<EventBridgeEvent>.JsonTypeInfo => EventSourceJsonContext.Default.EventBridgeEvent;

    /// <summary>The event format version; <c>0</c> in every event today.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }

    /// <summary>A version 4 UUID EventBridge generates for every event.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The event type: with <see cref="Source"/> it says which fields <see cref="Detail"/> carries.</summary>
    [JsonPropertyName("detail-type")] public string DetailType { get; init; } = "";

    /// <summary>The service or app that sent the event; every AWS service's starts with <c>aws.</c>.</summary>
    [JsonPropertyName("source")] public string Source { get; init; } = "";

    /// <summary>The 12-digit id of the AWS account the event came from.</summary>
    [JsonPropertyName("account")] public string? Account { get; init; }

    /// <summary>The event's timestamp, as the sending service set it (for an interval, its start).</summary>
    [JsonPropertyName("time")] public DateTimeOffset Time { get; init; }

    /// <summary>The region the event came from.</summary>
    [JsonPropertyName("region")] public string? Region { get; init; }

    /// <summary>ARNs of the resources the event involves, as the sending service chose them (may be empty).</summary>
    [JsonPropertyName("resources")] public List<string>? Resources { get; init; }

    /// <summary>The event's own data as JSON, shaped by the sending service (may be <c>{}</c>).</summary>
    [JsonPropertyName("detail")] public JsonElement Detail { get; init; }

    /// <summary>Set when the event is replayed from an archive.</summary>
    [JsonPropertyName("replay-name")] public string? ReplayName { get; init; }
}
