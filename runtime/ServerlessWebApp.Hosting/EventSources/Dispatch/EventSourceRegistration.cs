using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>One mapped event source: its name, its kind and how to deserialise and run one record.</summary>
internal abstract class EventSourceRegistration
{
    protected EventSourceRegistration(string name, EventSourceKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public EventSourceKind Kind { get; }

    /// <summary>The record type's name, for messages.</summary>
    public abstract string RecordTypeName { get; }

    /// <summary>Deserialises <paramref name="record"/> and runs the handler.</summary>
    /// <exception cref="EventPayloadException">The record does not deserialise into the mapped type.</exception>
    public abstract Task RunAsync(JsonElement record, EventSourceContext context, CancellationToken cancellationToken);
}
