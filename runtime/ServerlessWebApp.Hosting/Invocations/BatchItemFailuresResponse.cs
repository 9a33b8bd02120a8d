using System.Buffers;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Invocations;

/// <summary>
/// The partial batch response SQS, Kinesis and DynamoDB Streams event source mappings read:
/// <c>{"batchItemFailures":[{"itemIdentifier": id}, ...]}</c>; only the listed records are retried.
/// </summary>
internal static class BatchItemFailuresResponse
{
    public static void Write(IBufferWriter<byte> response, IEnumerable<string> failedItemIdentifiers)
    {
        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteStartArray("batchItemFailures");
        foreach (var id in failedItemIdentifiers)
        {
            writer.WriteStartObject();
            writer.WriteString("itemIdentifier", id);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
