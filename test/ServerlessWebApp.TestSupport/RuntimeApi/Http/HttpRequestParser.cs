using System.Buffers;
using System.Text;

namespace Serverless.WebApp.TestSupport.RuntimeApi.Http;

/// <summary>
/// Parses the head of an HTTP/1.x request (request line and header fields, without the final empty line) and the
/// size line of a chunk. Strict where a lenient reading could desynchronise the connection: bad framing is an error.
/// </summary>
internal static class HttpRequestParser
{
    private static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef"u8);

    /// <summary>Fills <paramref name="request"/> from <paramref name="head"/>, or names what is wrong with it.</summary>
    public static bool TryParseHead(ReadOnlySpan<byte> head, RawHttpRequest request, out string? error)
    {
        var head0 = request.Load(head);
        var lineEnd = head0.IndexOf("\r\n"u8);
        if (lineEnd < 0) lineEnd = head0.Length;
        if (!TryParseRequestLine(head0[..lineEnd], request, out var http10, out error)) return false;
        request.KeepAlive = !http10;

        var position = lineEnd + 2;
        while (position < head0.Length)
        {
            var rest = head0[position..];
            var length = rest.IndexOf("\r\n"u8);
            if (length < 0) length = rest.Length;
            if (!TryParseHeader(head0, position, length, request, http10, out error)) return false;
            position += length + 2;
        }

        if (request.IsChunked && request.ContentLength >= 0)
        {
            error = "Content-Length and Transfer-Encoding: chunked together";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>
    /// Reads a chunk-size line (without its CRLF): hexadecimal digits, then optional extensions after ';'.
    /// </summary>
    public static bool TryParseChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        var digits = line.IndexOfAnyExcept(HexDigits);
        if (digits < 0) digits = line.Length;
        if (digits == 0 || digits > 15) return false;
        foreach (var digit in line[..digits]) size = size * 16 + HexValue(digit);
        var rest = line[digits..].TrimStart(" \t"u8);
        return rest.IsEmpty || rest[0] == (byte)';';
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, RawHttpRequest request, out bool http10, out string? error)
    {
        http10 = false;
        var methodEnd = line.IndexOf((byte)' ');
        var versionStart = line.LastIndexOf((byte)' ') + 1;
        if (methodEnd <= 0 || versionStart <= methodEnd + 1)
        {
            error = "request line is not 'METHOD target HTTP/1.1'";
            return false;
        }
        var method = line[..methodEnd];
        var target = line[(methodEnd + 1)..(versionStart - 1)];
        var version = line[versionStart..];
        if (method.IndexOfAnyExcept(TokenChars) >= 0) { error = "method is not a token"; return false; }
        if (version.SequenceEqual("HTTP/1.0"u8)) http10 = true;
        else if (!version.SequenceEqual("HTTP/1.1"u8)) { error = "version is not HTTP/1.1 or HTTP/1.0"; return false; }
        if (target.IsEmpty || target.IndexOfAnyInRange((byte)0, (byte)' ') >= 0 || target.Contains((byte)0x7F))
        {
            error = "request target is empty or holds spaces or control characters";
            return false;
        }

        var pathStart = methodEnd + 1;
        if (target[0] != (byte)'/' && target[0] != (byte)'*')
        {
            // absolute-form (http://host/path): the path is what follows the authority
            var scheme = target.IndexOf("://"u8);
            if (scheme <= 0) { error = "request target is neither a path nor an absolute URI"; return false; }
            var slash = target[(scheme + 3)..].IndexOf((byte)'/');
            pathStart += slash < 0 ? target.Length : scheme + 3 + slash;
        }
        var targetEnd = methodEnd + 1 + target.Length;
        var query = line[pathStart..targetEnd].IndexOfAny((byte)'?', (byte)'#');
        var pathEnd = query < 0 ? targetEnd : pathStart + query;
        request.SetRequestLine(new Range(0, methodEnd), new Range(pathStart, pathEnd));
        error = null;
        return true;
    }

    private static bool TryParseHeader(ReadOnlySpan<byte> head, int start, int length, RawHttpRequest request, bool http10, out string? error)
    {
        var line = head.Slice(start, length);
        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || line[..colon].IndexOfAnyExcept(TokenChars) >= 0)
        {
            error = "header line is not 'Name: value' (or is a folded line)";
            return false;
        }
        var value = line[(colon + 1)..];
        var leading = value.Length - value.TrimStart(" \t"u8).Length;
        value = value.Trim(" \t"u8);
        if (value.IndexOfAny((byte)'\r', (byte)'\n', (byte)0) >= 0)
        {
            error = "header value holds CR, LF or NUL";
            return false;
        }
        var valueStart = start + colon + 1 + leading;
        if (!request.TryAddHeader(new Range(start, start + colon), new Range(valueStart, valueStart + value.Length)))
        {
            error = "too many header fields";
            return false;
        }

        var name = line[..colon];
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8)) return TrySetContentLength(value, request, out error);
        if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            if (!Ascii.EqualsIgnoreCase(value, "chunked"u8))
            {
                error = "Transfer-Encoding other than 'chunked'";
                return false;
            }
            request.IsChunked = true;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            if (ContainsToken(value, "close"u8)) request.KeepAlive = false;
            else if (http10 && ContainsToken(value, "keep-alive"u8)) request.KeepAlive = true;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Expect"u8) && Ascii.EqualsIgnoreCase(value, "100-continue"u8))
        {
            request.ExpectsContinue = true;
        }
        error = null;
        return true;
    }

    private static bool TrySetContentLength(ReadOnlySpan<byte> value, RawHttpRequest request, out string? error)
    {
        long length = 0;
        if (value.IsEmpty || value.Length > 15 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            error = "Content-Length is not a non-negative integer";
            return false;
        }
        foreach (var digit in value) length = length * 10 + (digit - '0');
        if (request.ContentLength >= 0 && request.ContentLength != length)
        {
            error = "conflicting Content-Length headers";
            return false;
        }
        request.ContentLength = length;
        error = null;
        return true;
    }

    private static bool ContainsToken(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        foreach (var range in list.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(list[range].Trim(" \t"u8), token)) return true;
        }
        return false;
    }

    private static int HexValue(byte digit) => digit switch
    {
        <= (byte)'9' => digit - '0',
        <= (byte)'F' => digit - 'A' + 10,
        _ => digit - 'a' + 10,
    };
}
