using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

internal sealed class EventSourceRegistration<TEvent> : EventSourceRegistration
    where TEvent : class, IEventSourceRecord<TEvent>
{
    private readonly EventSourceHandler<TEvent> _handler;

    public EventSourceRegistration(string name, EventSourceHandler<TEvent> handler) : base(name, TEvent.Kind) => _handler = handler;

    public override string RecordTypeName => typeof(TEvent).Name;

    public override Task RunAsync(JsonElement record, EventSourceContext context, CancellationToken cancellationToken)
    {
        TEvent? payload;
        try
        {
            payload = record.Deserialize(TEvent.JsonTypeInfo);
        }
        catch (JsonException ex)
        {
            throw new EventPayloadException($"A record of '{Name}' is not a valid {RecordTypeName}: {ex.Message}", ex);
        }
        return payload is null
            ? throw new EventPayloadException($"A record of '{Name}' is null; a {RecordTypeName} is required.")
            : _handler(payload, context, cancellationToken);
    }
}
