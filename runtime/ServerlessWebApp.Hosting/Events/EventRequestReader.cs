using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Serverless.WebApp.Hosting.Buffers;
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

    /// <summary>
    /// Reads <c>body</c> (base64-decoded when <c>isBase64Encoded</c>) into a buffer from <see cref="LargeArrays"/>, and
    /// says its length in Content-Length whenever there is a body, the event gave a length, or the method carries a
    /// body (POST, PUT, PATCH), as a client's request would: the bridge hands the app the whole body, so the length is known.
    /// </summary>
    public static void ReadBody(JsonElement lambdaEvent, HttpExchange exchange)
    {
        var length = 0;
        if (lambdaEvent.TryGetProperty("body"u8, out var body) && body.ValueKind == JsonValueKind.String)
        {
            length = CopyBody(body, EventJson.IsTrue(lambdaEvent, "isBase64Encoded"u8), exchange);
        }

        var headers = exchange.Request.Headers;
        var method = exchange.Request.Method;
        if (length > 0 || headers.ContainsKey(HeaderNames.ContentLength) || HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
        {
            // The body arrives whole: whatever framing the client used, the app reads exactly this many bytes.
            headers.Remove(HeaderNames.TransferEncoding);
            headers.ContentLength = length;
        }
    }

    private static int CopyBody(JsonElement body, bool isBase64Encoded, HttpExchange exchange)
    {
        var raw = JsonMarshal.GetRawUtf8Value(body);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var escapedLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (escapedLength == 0) return 0;

        var buffer = LargeArrays.Rent(escapedLength);
        try
        {
            var length = reader.ValueIsEscaped ? reader.CopyString(buffer) : CopyRaw(reader.ValueSpan, buffer);
            if (isBase64Encoded)
            {
                if (Base64.DecodeFromUtf8InPlace(buffer.AsSpan(0, length), out length) != OperationStatus.Done)
                {
                    throw new LambdaEventException(LambdaErrorTypes.MalformedEvent,
                        "The event's 'body' is flagged 'isBase64Encoded: true' but is not valid base64.");
                }
            }
            else if (!Utf8.IsValid(buffer.AsSpan(0, length)))
            {
                throw new LambdaEventException(LambdaErrorTypes.MalformedEvent,
                    "The event's 'body' is not valid UTF-8 text; JSON events carry text, and binary bodies as base64 with 'isBase64Encoded: true'.");
            }
            exchange.SetRequestBody(buffer, length);
            return length;
        }
        catch
        {
            LargeArrays.Return(buffer);
            throw;
        }
    }

    /// <summary>The PEM of the client certificate a mutual-TLS front door put in <paramref name="container"/>'s <c>clientCert</c>.</summary>
    public static void ReadClientCertificate(JsonElement container, HttpExchange exchange)
    {
        if (EventJson.TryGetObject(container, "clientCert"u8, out var clientCert) && EventJson.GetString(clientCert, "clientCertPem"u8) is { } pem)
        {
            exchange.SetClientCertificate(pem);
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
            exchange.HostIsFrontDoors = true;
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

    /// <summary>
    /// Sets PathBase, Path, QueryString and RawTarget. <paramref name="pathBase"/> and <paramref name="path"/> are as the
    /// client encoded them, or, when <paramref name="alreadyDecoded"/>, as the source decoded them (HTTP API); either
    /// way the app sees them decoded once with dot segments removed, as on Kestrel.
    /// </summary>
    public static void SetPath(HttpExchange exchange, string? pathBase, string path, string queryString, bool alreadyDecoded = false)
    {
        var request = exchange.Request;
        pathBase ??= string.Empty;
        if (alreadyDecoded)
        {
            request.PathBase = pathBase;
            request.Path = RequestPaths.FromDecoded(path);
            request.RawTarget = RequestPaths.Encode(pathBase + path) + queryString;
        }
        else
        {
            request.PathBase = pathBase.Length == 0 ? string.Empty : PathString.FromUriComponent(pathBase).Value!;
            request.Path = RequestPaths.FromEncoded(path);
            request.RawTarget = string.Concat(pathBase, path, queryString);
        }
        request.QueryString = queryString;
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
