using System.Text.Json;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Null-tolerant reads of event properties (AWS sends <c>null</c> for absent maps).</summary>
internal static class EventJson
{
    public static bool TryGetObject(JsonElement element, ReadOnlySpan<byte> name, out JsonElement value) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out value)
        && value.ValueKind == JsonValueKind.Object
        || Fail(out value);

    public static bool TryGetArray(JsonElement element, ReadOnlySpan<byte> name, out JsonElement value) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out value)
        && value.ValueKind == JsonValueKind.Array
        || Fail(out value);

    public static string? GetString(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool HasString(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String;

    public static bool IsTrue(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.True;

    /// <summary>A scalar as text: strings as they are, numbers and booleans as their JSON text.</summary>
    public static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static bool Fail(out JsonElement value)
    {
        value = default;
        return false;
    }
}
