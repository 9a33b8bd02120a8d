using System.Buffers.Text;
using System.Net.Http;
using System.Text;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// Parses the head of an HTTP/1.x response from the Runtime API (status line and header lines, each ending in CRLF,
/// the head ending in an empty line). Header names are matched case-insensitively; only the headers the client acts
/// on are kept. A malformed head throws an <see cref="HttpRequestException"/> that says what was wrong.
/// </summary>
internal static class RuntimeApiResponseParser
{
    /// <summary>Finds the end of the head: the index just past the empty line, or -1 if it has not arrived yet.</summary>
    public static int FindHeadEnd(ReadOnlySpan<byte> buffered)
    {
        var index = buffered.IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : index + 4;
    }

    /// <summary>
    /// Parses <paramref name="head"/> (including its final empty line); <paramref name="request"/> names the request
    /// answered in error messages, and <paramref name="lastArn"/>, the previous function ARN, is reused when unchanged.
    /// </summary>
    public static RuntimeApiResponseHead Parse(ReadOnlySpan<byte> head, string request, string? lastArn)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusCode = ParseStatusLine(head[..lineEnd], request, out var http10);
        var rest = head[(lineEnd + 2)..];

        var contentLength = RuntimeApiResponseHead.NoContentLength;
        bool chunked = false, otherCoding = false, closeToken = false, keepAlive = false;
        string? requestId = null, arn = null, traceId = null;
        long deadline = 0;
        while ((lineEnd = rest.IndexOf("\r\n"u8)) > 0)
        {
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t' || line[colon - 1] is (byte)' ' or (byte)'\t')
            {
                throw Invalid(request, $"a malformed header line '{Printable(line)}' (expected 'Name: value')");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length || length < 0
                    || (contentLength != RuntimeApiResponseHead.NoContentLength && contentLength != length))
                {
                    throw Invalid(request, $"an invalid Content-Length '{Printable(value)}' (expected one non-negative integer)");
                }
                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // RFC 9112 §6.3: a body whose final coding is not chunked runs to the end of the connection.
                chunked = Ascii.EqualsIgnoreCase(LastToken(value), "chunked"u8);
                otherCoding = !chunked;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                closeToken |= HasToken(value, "close"u8);
                keepAlive |= HasToken(value, "keep-alive"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, LambdaRuntimeHeaders.RequestIdUtf8))
            {
                requestId = Encoding.UTF8.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, LambdaRuntimeHeaders.DeadlineMsUtf8))
            {
                _ = Utf8Parser.TryParse(value, out deadline, out _);
            }
            else if (Ascii.EqualsIgnoreCase(name, LambdaRuntimeHeaders.InvokedFunctionArnUtf8))
            {
                arn = lastArn is not null && Ascii.Equals(value, lastArn) ? lastArn : Encoding.UTF8.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, LambdaRuntimeHeaders.TraceIdUtf8))
            {
                traceId = Encoding.UTF8.GetString(value);
            }
        }

        var close = closeToken || otherCoding || (http10 && !keepAlive);
        if (chunked) contentLength = RuntimeApiResponseHead.NoContentLength; // RFC 9112 §6.3: chunked wins over Content-Length
        return new RuntimeApiResponseHead(statusCode, contentLength, chunked, close, requestId, deadline, arn, traceId);
    }

    /// <summary>Parses a chunk-size line (hex digits, optionally followed by <c>;extensions</c>).</summary>
    public static long ParseChunkSize(ReadOnlySpan<byte> line, string request)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon >= 0 ? line[..semicolon] : line).Trim(" \t"u8);
        if (digits.Length is 0 or > 15 || !Utf8Parser.TryParse(digits, out long size, out var consumed, 'X') || consumed != digits.Length)
        {
            throw Invalid(request, $"an invalid chunk size line '{Printable(line)}' (expected hexadecimal digits)");
        }
        return size;
    }

    public static HttpRequestException Invalid(string request, string what) =>
        new(HttpRequestError.InvalidResponse, $"The Runtime API answered {request} with {what}.");

    private static int ParseStatusLine(ReadOnlySpan<byte> line, string request, out bool http10)
    {
        // HTTP/1.1 202 Accepted — the reason phrase may be empty (and even the space before it).
        http10 = line.StartsWith("HTTP/1.0 "u8);
        if (!(http10 || line.StartsWith("HTTP/1.1 "u8)) || line.Length < 12
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != (byte)' ') || line[9] == (byte)'0')
        {
            throw Invalid(request, $"an invalid status line '{Printable(line)}' (expected 'HTTP/1.1 <3-digit status> <reason>')");
        }
        return (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    }

    private static ReadOnlySpan<byte> LastToken(ReadOnlySpan<byte> value)
    {
        var comma = value.LastIndexOf((byte)',');
        return (comma >= 0 ? value[(comma + 1)..] : value).Trim(" \t"u8);
    }

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token)) return true;
        }
        return false;
    }

    /// <summary>At most 80 characters, non-printable bytes as '?', for error messages.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes[..Math.Min(bytes.Length, 80)];
        var text = string.Create(shown.Length, shown.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++) chars[i] = source[i] is >= 0x20 and < 0x7F ? (char)source[i] : '?';
        });
        return bytes.Length > shown.Length ? text + "…" : text;
    }
}
