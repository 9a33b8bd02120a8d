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

    [JsonPropertyName("version")] public string? Version { get; init; }

    [JsonPropertyName("id")] public string Id { get; init; } = "";

    [JsonPropertyName("detail-type")] public string DetailType { get; init; } = "";

    [JsonPropertyName("source")] public string Source { get; init; } = "";

    [JsonPropertyName("account")] public string? Account { get; init; }

    [JsonPropertyName("time")] public DateTimeOffset Time { get; init; }

    [JsonPropertyName("region")] public string? Region { get; init; }

    [JsonPropertyName("resources")] public List<string>? Resources { get; init; }

    [JsonPropertyName("detail")] public JsonElement Detail { get; init; }

    /// <summary>Set when the event is replayed from an archive.</summary>
    [JsonPropertyName("replay-name")] public string? ReplayName { get; init; }
}
