using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// Formats Runtime API (2018-06-01) request heads as ASCII straight into a buffer: the constant parts are encoded
/// once, so a request costs a few copies and no string or header objects.
/// </summary>
internal sealed class RuntimeApiRequestWriter
{
    private readonly byte[] _next;
    private readonly byte[] _hostLine;

    public RuntimeApiRequestWriter(string runtimeApi)
    {
        _hostLine = Encoding.ASCII.GetBytes($" HTTP/1.1\r\nHost: {runtimeApi}\r\n");
        _next = [.. "GET /2018-06-01/runtime/invocation/next"u8, .. _hostLine, .. "\r\n"u8];
    }

    /// <summary>The complete <c>GET /runtime/invocation/next</c> request.</summary>
    public ReadOnlyMemory<byte> NextMemory => _next;

    /// <summary>Writes <c>GET /runtime/invocation/next</c>.</summary>
    public void WriteNext(IBufferWriter<byte> destination) => destination.Write(_next);

    /// <summary>
    /// Writes the head of <c>POST /runtime/invocation/{requestId}/{action}</c> (the id percent-escaped as a path
    /// segment); the body of <paramref name="contentLength"/> bytes follows it.
    /// </summary>
    public void WriteInvocationPost(IBufferWriter<byte> destination, string requestId, ReadOnlySpan<byte> action, int contentLength, string? errorType)
    {
        destination.Write("POST /2018-06-01/runtime/invocation/"u8);
        WriteEscapedSegment(destination, requestId);
        destination.Write(action);
        WritePostHeaders(destination, contentLength, errorType);
    }

    /// <summary>Writes the head of <c>POST /runtime/init/error</c>.</summary>
    public void WriteInitErrorPost(IBufferWriter<byte> destination, int contentLength, string errorType)
    {
        destination.Write("POST /2018-06-01/runtime/init/error"u8);
        WritePostHeaders(destination, contentLength, errorType);
    }

    private void WritePostHeaders(IBufferWriter<byte> destination, int contentLength, string? errorType)
    {
        destination.Write(_hostLine);
        destination.Write("Content-Type: application/json\r\nContent-Length: "u8);
        var digits = destination.GetSpan(11);
        Utf8Formatter.TryFormat(contentLength, digits, out var written);
        destination.Advance(written);
        destination.Write("\r\n"u8);
        if (errorType is not null)
        {
            destination.Write("Lambda-Runtime-Function-Error-Type: "u8);
            WriteHeaderValue(destination, errorType);
            destination.Write("\r\n"u8);
        }
        destination.Write("\r\n"u8);
    }

    /// <summary>RFC 3986 path-segment escaping (as <see cref="Uri.EscapeDataString(string)"/>): unreserved characters stay, the rest become %XX of their UTF-8 bytes.</summary>
    private static void WriteEscapedSegment(IBufferWriter<byte> destination, string value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsUnreserved((char)rune.Value))
            {
                var span = destination.GetSpan(1);
                span[0] = (byte)rune.Value;
                destination.Advance(1);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            var escaped = destination.GetSpan(length * 3);
            for (var i = 0; i < length; i++)
            {
                escaped[i * 3] = (byte)'%';
                escaped[i * 3 + 1] = (byte)HexUpper[utf8[i] >> 4];
                escaped[i * 3 + 2] = (byte)HexUpper[utf8[i] & 0xF];
            }
            destination.Advance(length * 3);
        }
    }

    /// <summary>Header values are ASCII; anything that could end the line or is not printable ASCII becomes '_'.</summary>
    private static void WriteHeaderValue(IBufferWriter<byte> destination, string value)
    {
        var span = destination.GetSpan(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            span[i] = c is >= ' ' and < (char)0x7F ? (byte)c : (byte)'_';
        }
        destination.Advance(value.Length);
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private const string HexUpper = "0123456789ABCDEF";
}
