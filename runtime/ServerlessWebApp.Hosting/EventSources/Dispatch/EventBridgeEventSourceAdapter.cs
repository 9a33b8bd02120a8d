using System.Text.Json;
using Serverless.WebApp.Contract;
using Serverless.WebApp.Hosting.Control;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>
/// EventBridge rules: the construct's rule delivers the matched event inside
/// <c>{"serverlessWebApp": {"kind": "event", "ruleArn": ..., "event": {...}}}</c>, routed by the rule's ARN.
/// </summary>
internal sealed class EventBridgeEventSourceAdapter : IEventSourceAdapter
{
    public EventSourceKind Kind => EventSourceKind.EventBridge;

    public int Order => 16;

    public EventSourceDelivery Delivery => EventSourceDelivery.Asynchronous;

    public bool CanHandle(JsonElement lambdaEvent) =>
        ControlEvents.TryGetEnvelope(lambdaEvent, SwaEventBridgeEnvelope.Kind, out var envelope) &&
        envelope.TryGetProperty(SwaEventBridgeEnvelope.Event, out var wrapped) && wrapped.ValueKind == JsonValueKind.Object;

    public IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent) =>
        [lambdaEvent.GetProperty(SwaControlEvent.Envelope).GetProperty(SwaEventBridgeEnvelope.Event)];

    public string? SourceArn(JsonElement lambdaEvent, JsonElement record) =>
        EventRecords.StringAt(lambdaEvent, SwaControlEvent.Envelope, SwaEventBridgeEnvelope.RuleArn);

    public string? RecordId(JsonElement record) => EventRecords.StringAt(record, "id");
}
