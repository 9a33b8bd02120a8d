using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Request-side mapping steps the event formats share (headers, body, scheme, host, client address).</summary>
internal static class EventRequestReader
{
    public static void ReadHeaders(JsonElement headers, IHeaderDictionary target)
    {
        if (headers.ValueKind != JsonValueKind.Object) return;
        foreach (var header in headers.EnumerateObject())
        {
            if (EventJson.ScalarText(header.Value) is { } value) target[header.Name] = value;
        }
    }

    public static void ReadMultiValueHeaders(JsonElement headers, IHeaderDictionary target)
    {
        if (headers.ValueKind != JsonValueKind.Object) return;
        foreach (var header in headers.EnumerateObject())
        {
            if (header.Value.ValueKind != JsonValueKind.Array) continue;
            target[header.Name] = ToStringValues(header.Value);
        }
    }

    public static StringValues ToStringValues(JsonElement array)
    {
        var count = array.GetArrayLength();
        if (count == 1) return new StringValues(EventJson.ScalarText(array[0]));
        var values = new string?[count];
        var i = 0;
        foreach (var item in array.EnumerateArray()) values[i++] = EventJson.ScalarText(item);
        return new StringValues(values);
    }

    /// <summary>Reads <c>body</c> (base64-decoded when <c>isBase64Encoded</c>) into a pooled buffer.</summary>
    public static void ReadBody(JsonElement lambdaEvent, HttpExchange exchange)
    {
        if (!lambdaEvent.TryGetProperty("body"u8, out var body) || body.ValueKind != JsonValueKind.String) return;

        var raw = JsonMarshal.GetRawUtf8Value(body);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var escapedLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (escapedLength == 0) return;

        var rented = ArrayPool<byte>.Shared.Rent(escapedLength);
        var length = reader.ValueIsEscaped ? reader.CopyString(rented) : CopyRaw(reader.ValueSpan, rented);
        if (EventJson.IsTrue(lambdaEvent, "isBase64Encoded"u8))
        {
            if (Base64.DecodeFromUtf8InPlace(rented.AsSpan(0, length), out length) != OperationStatus.Done)
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw new LambdaEventException(LambdaErrorTypes.MalformedEvent,
                    "The event's 'body' is flagged 'isBase64Encoded: true' but is not valid base64.");
            }
        }

        exchange.SetRequestBody(rented, length);
        if (!exchange.Request.Headers.ContainsKey(HeaderNames.ContentLength))
        {
            exchange.Request.Headers.ContentLength = length;
        }
    }

    /// <summary>Scheme from X-Forwarded-Proto (the front door terminates TLS), host from the Host header or the domain.</summary>
    public static void ApplySchemeAndHost(HttpExchange exchange, string? domainName)
    {
        var headers = exchange.Request.Headers;
        var proto = FirstListValue(headers["X-Forwarded-Proto"]);
        exchange.Request.Scheme = proto is "http" or "https" ? proto : "https";
        if (!headers.ContainsKey(HeaderNames.Host) && !string.IsNullOrEmpty(domainName))
        {
            headers.Host = domainName;
        }
        if (int.TryParse(FirstListValue(headers["X-Forwarded-Port"]), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            exchange.Connection.LocalPort = port;
        }
    }

    public static void SetRemoteIp(HttpExchange exchange, string? address)
    {
        if (address is not null && IPAddress.TryParse(address.AsSpan().Trim(), out var ip))
        {
            exchange.Connection.RemoteIpAddress = ip;
        }
    }

    /// <summary>The address the load balancer itself appended to X-Forwarded-For: the last entry.</summary>
    public static string? LastForwardedFor(StringValues forwardedFor)
    {
        var last = forwardedFor.Count == 0 ? null : forwardedFor[forwardedFor.Count - 1];
        if (string.IsNullOrEmpty(last)) return null;
        var comma = last.LastIndexOf(',');
        return comma < 0 ? last : last[(comma + 1)..];
    }

    public static void SetPath(HttpExchange exchange, string? pathBase, string path, string queryString)
    {
        var request = exchange.Request;
        request.PathBase = string.IsNullOrEmpty(pathBase) ? string.Empty : PathString.FromUriComponent(pathBase).Value!;
        request.Path = path.Length == 0 ? "/" : PathString.FromUriComponent(path.StartsWith('/') ? path : "/" + path).Value!;
        request.QueryString = queryString;
        request.RawTarget = string.Concat(pathBase, path, queryString);
    }

    private static int CopyRaw(ReadOnlySpan<byte> value, byte[] destination)
    {
        value.CopyTo(destination);
        return value.Length;
    }

    private static string? FirstListValue(StringValues values)
    {
        if (values.Count == 0) return null;
        var first = values[0];
        if (first is null) return null;
        var comma = first.IndexOf(',');
        return (comma < 0 ? first : first[..comma]).Trim().ToLowerInvariant();
    }
}
