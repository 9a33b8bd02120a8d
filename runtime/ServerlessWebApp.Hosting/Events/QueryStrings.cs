using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Rebuilds a query string from an event's (single- or multi-value) parameter map.</summary>
internal static class QueryStrings
{
    /// <param name="parameters">Name → string, or name → array of strings.</param>
    /// <param name="encode">True when the source decoded the values (API Gateway REST); false when it passes them
    /// through as the client sent them (ALB).</param>
    public static string Build(JsonElement parameters, bool encode)
    {
        if (parameters.ValueKind != JsonValueKind.Object) return string.Empty;
        StringBuilder? builder = null;
        foreach (var parameter in parameters.EnumerateObject())
        {
            if (parameter.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in parameter.Value.EnumerateArray()) Append(ref builder, parameter.Name, item.GetString(), encode);
            }
            else if (parameter.Value.ValueKind == JsonValueKind.String)
            {
                Append(ref builder, parameter.Name, parameter.Value.GetString(), encode);
            }
        }
        return builder?.ToString() ?? string.Empty;
    }

    public static string FromRaw(string? rawQueryString) =>
        string.IsNullOrEmpty(rawQueryString) ? string.Empty : "?" + rawQueryString;

    private static void Append(ref StringBuilder? builder, string name, string? value, bool encode)
    {
        builder ??= new StringBuilder(64);
        builder.Append(builder.Length == 0 ? '?' : '&');
        builder.Append(encode ? Uri.EscapeDataString(name) : name);
        builder.Append('=');
        if (value is not null) builder.Append(encode ? Uri.EscapeDataString(value) : value);
    }
}
