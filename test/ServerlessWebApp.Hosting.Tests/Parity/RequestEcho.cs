using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>Answers with what the app saw of the request, as JSON with a stable order.</summary>
internal static class RequestEcho
{
    /// <summary>Headers the front door adds and a client connecting straight to Kestrel does not send.</summary>
    private static readonly HashSet<string> FrontDoorHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Amzn-Trace-Id",
    };

    public static async Task WriteAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("method", request.Method);
        json.WriteString("scheme", request.Scheme);
        json.WriteString("host", request.Host.Value);
        json.WriteString("pathBase", request.PathBase.Value);
        json.WriteString("path", request.Path.Value);
        json.WriteString("queryString", request.QueryString.Value);
        json.WriteString("rawTarget", context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget);
        json.WriteStartObject("query");
        foreach (var (name, values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal)) json.WriteString(name, string.Join("|", values.ToArray()));
        json.WriteEndObject();
        json.WriteStartObject("headers");
        foreach (var (name, values) in request.Headers.Where(h => !FrontDoorHeaders.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            json.WriteString(name.ToLowerInvariant(), string.Join(",", values.ToArray()));
        }
        json.WriteEndObject();
        json.WriteStartObject("cookies");
        foreach (var (name, value) in request.Cookies.OrderBy(c => c.Key, StringComparer.Ordinal)) json.WriteString(name, value);
        json.WriteEndObject();
        if (request.ContentLength is { } length) json.WriteNumber("contentLength", length);
        else json.WriteNull("contentLength");
        json.WriteBoolean("hasFormContentType", request.HasFormContentType);
        json.WriteString("body", Encoding.UTF8.GetString(body.ToArray()));
        json.WriteString("remoteIp", context.Connection.RemoteIpAddress?.ToString());
        json.WriteString("protocol", request.Protocol);
        json.WriteBoolean("authenticated", context.User.Identity?.IsAuthenticated ?? false);
        json.WriteEndObject();
    }
}
