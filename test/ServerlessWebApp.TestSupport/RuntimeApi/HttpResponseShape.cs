using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>An HTTP-shaped Lambda response (API Gateway, function URL, ALB) read back for assertions.</summary>
public sealed class HttpResponseShape(JsonElement json)
{
    public JsonElement Json { get; } = json;

    public int StatusCode => Json.GetProperty("statusCode").GetInt32();

    public string Body
    {
        get
        {
            if (!Json.TryGetProperty("body", out var body) || body.ValueKind == JsonValueKind.Null) return "";
            var text = body.GetString() ?? "";
            var base64 = Json.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
            return base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : text;
        }
    }

    public JsonElement BodyJson()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public bool HasProperty(string name) => Json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A header from <c>headers</c> or, failing that, the first value in <c>multiValueHeaders</c>.</summary>
    public string? Header(string name)
    {
        if (Json.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
                if (header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return header.Value.GetString();
        }
        if (Json.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject())
                if (header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return header.Value[0].GetString();
        }
        return null;
    }

    public override string ToString() => Json.GetRawText();
}
