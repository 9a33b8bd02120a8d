using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.WebApp.Hosting.Tasks;

internal sealed class TaskRegistration<TPayload> : TaskRegistration
{
    private readonly TaskHandler<TPayload> _handler;
    private readonly JsonTypeInfo<TPayload> _payloadTypeInfo;

    public TaskRegistration(string name, TaskHandler<TPayload> handler, JsonTypeInfo<TPayload> payloadTypeInfo) : base(name)
    {
        _handler = handler;
        _payloadTypeInfo = payloadTypeInfo;
    }

    public override Type PayloadType => typeof(TPayload);

    public byte[] Serialize(TPayload payload) => JsonSerializer.SerializeToUtf8Bytes(payload, _payloadTypeInfo);

    public override async Task<string?> RunAsync(ReadOnlyMemory<byte> payloadJson, TaskContext context,
        CancellationToken cancellationToken)
    {
        TPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(payloadJson.Span, _payloadTypeInfo);
        }
        catch (JsonException ex)
        {
            throw new TaskPayloadException(
                $"The payload of task '{Name}' is not a valid {typeof(TPayload).Name}: {ex.Message}", ex);
        }
        if (payload is null)
        {
            throw new TaskPayloadException($"The payload of task '{Name}' is null; a {typeof(TPayload).Name} is required.");
        }
        await _handler(payload, context, cancellationToken).ConfigureAwait(false);
        return context.ResultJson;
    }
}
