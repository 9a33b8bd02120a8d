using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Response-side JSON pieces the event formats share.</summary>
internal static class ResponseJson
{
    public static void WriteStatusCode(Utf8JsonWriter writer, HttpExchange exchange) =>
        writer.WriteNumber("statusCode"u8, exchange.Response.StatusCode);

    /// <summary><c>"statusDescription": "200 OK"</c>, as an ALB expects.</summary>
    public static void WriteStatusDescription(Utf8JsonWriter writer, HttpExchange exchange)
    {
        var status = exchange.Response.StatusCode;
        var phrase = exchange.Response.ReasonPhrase ?? ReasonPhrases.GetReasonPhrase(status);
        Span<char> text = stackalloc char[128];
        if (status.TryFormat(text, out var digits) && phrase.Length + digits + 1 <= text.Length)
        {
            text[digits] = ' ';
            phrase.AsSpan().CopyTo(text[(digits + 1)..]);
            writer.WriteString("statusDescription"u8, text[..(digits + 1 + phrase.Length)]);
        }
        else
        {
            writer.WriteString("statusDescription"u8, $"{status} {phrase}");
        }
    }

    /// <summary><c>"headers": {"name": "v1,v2"}</c>; Set-Cookie is left out when <paramref name="skipSetCookie"/>.</summary>
    public static void WriteSingleValueHeaders(Utf8JsonWriter writer, HttpExchange exchange, bool skipSetCookie)
    {
        writer.WriteStartObject("headers"u8);
        foreach (var header in exchange.Response.ResponseHeaders)
        {
            if (skipSetCookie && IsSetCookie(header.Key)) continue;
            if (header.Value.Count == 1)
            {
                writer.WriteString(header.Key, header.Value[0]);
            }
            else if (header.Value.Count > 1)
            {
                // Set-Cookie values contain commas (Expires=Thu, 01 Jan ...), so a single-value source keeps the last one.
                writer.WriteString(header.Key, IsSetCookie(header.Key) ? header.Value[header.Value.Count - 1] : string.Join(',', header.Value.ToArray()));
            }
        }
        writer.WriteEndObject();
    }

    /// <summary><c>"multiValueHeaders": {"name": ["v1", "v2"]}</c>.</summary>
    public static void WriteMultiValueHeaders(Utf8JsonWriter writer, HttpExchange exchange)
    {
        writer.WriteStartObject("multiValueHeaders"u8);
        foreach (var header in exchange.Response.ResponseHeaders)
        {
            if (header.Value.Count == 0) continue;
            writer.WriteStartArray(header.Key);
            foreach (var value in header.Value) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>Payload 2.0: each Set-Cookie value as an item of <c>"cookies"</c> (omitted when there are none).</summary>
    public static void WriteCookies(Utf8JsonWriter writer, HttpExchange exchange)
    {
        var cookies = exchange.Response.ResponseHeaders[HeaderNames.SetCookie];
        if (cookies.Count == 0) return;
        writer.WriteStartArray("cookies"u8);
        foreach (var cookie in cookies) writer.WriteStringValue(cookie);
        writer.WriteEndArray();
    }

    /// <summary><c>"body"</c> (UTF-8 text, or base64 when binary) and <c>"isBase64Encoded"</c>.</summary>
    public static void WriteBody(Utf8JsonWriter writer, HttpExchange exchange)
    {
        // A HEAD response has headers only, whatever the app wrote (a real server drops the body too).
        var body = HttpMethods.IsHead(exchange.Request.Method) ? default : exchange.ResponseBody.Written;
        if (exchange.ResponseIsBinary)
        {
            writer.WriteBase64String("body"u8, body);
        }
        else
        {
            writer.WriteString("body"u8, body);
        }
        writer.WriteBoolean("isBase64Encoded"u8, exchange.ResponseIsBinary);
    }

    private static bool IsSetCookie(string name) => string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase);
}
