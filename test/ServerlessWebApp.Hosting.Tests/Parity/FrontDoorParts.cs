using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>What the event sources have in common when they build an event or read an answer.</summary>
internal static class FrontDoorParts
{
    public const string SourceIp = "127.0.0.1";

    /// <summary>The client's headers (Host first) grouped by name in order of first appearance, plus what every front door adds.</summary>
    public static List<(string Name, List<string> Values)> Headers(ParityRequest request, string host, bool lowerCase, bool keepContentLength = true)
    {
        var grouped = new List<(string Name, List<string> Values)>();
        void Add(string name, string value)
        {
            if (lowerCase) name = name.ToLowerInvariant();
            var existing = grouped.FindIndex(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0) grouped[existing].Values.Add(value);
            else grouped.Add((name, [value]));
        }

        Add("Host", host);
        foreach (var (name, value) in request.Headers)
        {
            if (!keepContentLength && string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            Add(name, value);
        }
        Add("X-Amzn-Trace-Id", "Root=1-5e9f0c65-1de4d666d4dd26aced652b6c");
        Add("X-Forwarded-For", SourceIp);
        Add("X-Forwarded-Port", "443");
        Add("X-Forwarded-Proto", "https");
        return grouped;
    }

    /// <summary>Percent-decodes a path as an HTTP API does, and cuts it at a decoded '?'.</summary>
    public static string DecodedPath(string path)
    {
        var decoded = Uri.UnescapeDataString(path);
        var question = decoded.IndexOf('?');
        return question < 0 ? decoded : decoded[..question];
    }

    /// <summary>Query pairs as the client wrote them ("a=1&amp;b" → (a, 1), (b, "")).</summary>
    public static IEnumerable<(string Name, string Value)> RawQueryPairs(string query) =>
        query.Length == 0
            ? []
            : query.Split('&').Select(pair => pair.IndexOf('=') is var eq and >= 0 ? (pair[..eq], pair[(eq + 1)..]) : (pair, ""));

    public static JsonNode? Grouped(IEnumerable<(string Name, string Value)> pairs, Func<string, string> transform, bool multiValue)
    {
        var result = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            var key = transform(name);
            if (multiValue)
            {
                if (result[key] is JsonArray values) values.Add(transform(value));
                else result[key] = new JsonArray(transform(value));
            }
            else
            {
                result[key] = transform(value);
            }
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>The body as the event carries it: text, or base64 when <paramref name="asBase64"/>.</summary>
    public static (JsonNode? Body, bool IsBase64) Body(ParityRequest request, bool asBase64)
    {
        if (request.Body is not { Length: > 0 } body) return (null, false);
        return asBase64 ? (Convert.ToBase64String(body), true) : (Encoding.UTF8.GetString(body), false);
    }

    /// <summary>The body the client receives from an answer with "body" and "isBase64Encoded".</summary>
    public static byte[] ResponseBody(JsonElement response)
    {
        if (!response.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String) return [];
        return response.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True
            ? body.GetBytesFromBase64()
            : Encoding.UTF8.GetBytes(body.GetString()!);
    }

    public static IEnumerable<KeyValuePair<string, string>> SingleValueHeaders(JsonElement response, string property = "headers")
    {
        if (!response.TryGetProperty(property, out var headers) || headers.ValueKind != JsonValueKind.Object) yield break;
        foreach (var header in headers.EnumerateObject()) yield return new(header.Name, header.Value.GetString()!);
    }

    public static IEnumerable<KeyValuePair<string, string>> MultiValueHeaders(JsonElement response)
    {
        if (!response.TryGetProperty("multiValueHeaders", out var headers) || headers.ValueKind != JsonValueKind.Object) yield break;
        foreach (var header in headers.EnumerateObject())
        {
            foreach (var value in header.Value.EnumerateArray()) yield return new(header.Name, value.GetString()!);
        }
    }
}
