using System.Buffers;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Writes and reads the message body: <c>{"swaTask":1,"id":..,"task":..,"enqueuedAt":..,"payload":{..}}</c> or, for an
/// offloaded payload, <c>"payloadRef":{"bucket":..,"key":..}</c> instead of <c>payload</c>.
/// </summary>
internal static class TaskMessageCodec
{
    private const string VersionField = "swaTask";
    private const string IdField = "id";
    private const string TaskField = "task";
    private const string EnqueuedAtField = "enqueuedAt";
    private const string PayloadField = "payload";
    private const string PayloadRefField = "payloadRef";
    private const string BucketField = "bucket";
    private const string KeyField = "key";

    public static byte[] Encode(TaskMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber(VersionField, 1);
            writer.WriteString(IdField, message.TaskId);
            writer.WriteString(TaskField, message.TaskName);
            writer.WriteString(EnqueuedAtField, message.EnqueuedAt);
            if (message.PayloadReference is { } reference)
            {
                writer.WriteStartObject(PayloadRefField);
                writer.WriteString(BucketField, reference.Bucket);
                writer.WriteString(KeyField, reference.Key);
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName(PayloadField);
                writer.WriteRawValue(message.InlinePayload is { } payload ? payload.Span : "null"u8, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="TaskPayloadException">The body is not a task message.</exception>
    public static TaskMessage Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(VersionField, out var version) ||
                version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
            {
                throw new TaskPayloadException($"The message is not a task message: '{VersionField}' must be 1.");
            }
            var id = RequiredString(root, IdField);
            var name = RequiredString(root, TaskField);
            var enqueuedAt = root.TryGetProperty(EnqueuedAtField, out var at) && at.ValueKind == JsonValueKind.String
                ? at.GetDateTimeOffset()
                : DateTimeOffset.MinValue;
            if (root.TryGetProperty(PayloadRefField, out var reference) && reference.ValueKind == JsonValueKind.Object)
            {
                return new TaskMessage(id, name, enqueuedAt, null,
                    new TaskPayloadReference(RequiredString(reference, BucketField), RequiredString(reference, KeyField)));
            }
            if (!root.TryGetProperty(PayloadField, out var payload))
            {
                throw new TaskPayloadException($"Task message '{id}' has neither '{PayloadField}' nor '{PayloadRefField}'.");
            }
            return new TaskMessage(id, name, enqueuedAt, System.Text.Encoding.UTF8.GetBytes(payload.GetRawText()), null);
        }
        catch (JsonException ex)
        {
            throw new TaskPayloadException($"The message is not a task message: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new TaskPayloadException($"The message is not a task message: {ex.Message}", ex);
        }
    }

    private static string RequiredString(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String &&
        value.GetString() is { Length: > 0 } text
            ? text
            : throw new TaskPayloadException($"The task message has no '{field}' string.");
}
