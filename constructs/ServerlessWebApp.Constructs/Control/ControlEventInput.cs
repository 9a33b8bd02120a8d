using System.Text.Json;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Control;

/// <summary>Builds the control-event inputs the runtime recognises, from the shared contract's names only.</summary>
internal static class ControlEventInput
{
    /// <summary><c>{"serverlessWebApp":{"kind":"keep-warm"}}</c></summary>
    public static string KeepWarm() => Write(writer => writer.WriteString(SwaControlEvent.Kind, SwaControlEvent.KeepWarmKind));

    /// <summary><c>{"serverlessWebApp":{"kind":"task","task":"...","payload":...,"schedule":"..."}}</c>; a missing payload is <c>null</c>.</summary>
    public static string ScheduledTask(string task, string? payloadJson, string schedule) => Write(writer =>
    {
        writer.WriteString(SwaControlEvent.Kind, SwaControlEvent.TaskKind);
        writer.WriteString(SwaControlEvent.Task, task);
        writer.WritePropertyName(SwaControlEvent.Payload);
        if (payloadJson is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            using var payload = JsonDocument.Parse(payloadJson);
            payload.RootElement.WriteTo(writer);
        }
        writer.WriteString(SwaControlEvent.Schedule, schedule);
    });

    private static string Write(Action<Utf8JsonWriter> writeEnvelopeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(SwaControlEvent.Envelope);
            writeEnvelopeBody(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
