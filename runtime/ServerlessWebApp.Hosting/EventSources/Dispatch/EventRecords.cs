using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>Reads the <c>{"Records": [...]}</c> shape most AWS sources share.</summary>
internal static class EventRecords
{
    private static readonly byte[] RecordsProperty = "Records"u8.ToArray();

    /// <summary>Whether the first record's <paramref name="sourceProperty"/> is <paramref name="source"/> (e.g. <c>eventSource</c> = <c>aws:sqs</c>).</summary>
    public static bool FirstRecordIsFrom(JsonElement lambdaEvent, ReadOnlySpan<byte> sourceProperty, ReadOnlySpan<byte> source) =>
        lambdaEvent.ValueKind == JsonValueKind.Object &&
        lambdaEvent.TryGetProperty(RecordsProperty, out var records) && records.ValueKind == JsonValueKind.Array &&
        records.GetArrayLength() > 0 && records[0].ValueKind == JsonValueKind.Object &&
        records[0].TryGetProperty(sourceProperty, out var value) && value.ValueKind == JsonValueKind.String &&
        value.ValueEquals(source);

    public static IReadOnlyList<JsonElement> All(JsonElement lambdaEvent) =>
        lambdaEvent.GetProperty(RecordsProperty).EnumerateArray().ToArray();

    /// <summary>The string at <paramref name="path"/> below <paramref name="element"/>, or null when any step is missing.</summary>
    public static string? StringAt(JsonElement element, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
