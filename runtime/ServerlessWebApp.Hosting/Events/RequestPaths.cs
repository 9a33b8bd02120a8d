using System.Text;
using Microsoft.AspNetCore.Http;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// A request path as Kestrel hands it to the app: percent-decoded once (an encoded '/' stays encoded), with dot
/// segments removed. Sources differ in what they send: REST APIs, function URLs and ALBs pass the path as the client
/// encoded it; an HTTP API passes it already decoded, and decoding it again would turn <c>%2525</c> into <c>%</c>.
/// </summary>
internal static class RequestPaths
{
    /// <summary>
    /// The app's view of a path the client encoded. An encoded NUL decodes to a NUL character, for
    /// <see cref="RequestValidator"/> to refuse (<see cref="PathString"/> would throw).
    /// </summary>
    public static string FromEncoded(string encoded)
    {
        encoded = WithLeadingSlash(encoded);
        var decoded = encoded.Contains("%00", StringComparison.Ordinal)
            ? string.Join('\0', encoded.Split("%00").Select(part => PathString.FromUriComponent("/" + part).Value![1..]))
            : PathString.FromUriComponent(encoded).Value!;
        return RemoveDotSegments(decoded);
    }

    /// <summary>The app's view of a path the source already decoded.</summary>
    public static string FromDecoded(string decoded) => RemoveDotSegments(WithLeadingSlash(decoded));

    /// <summary>
    /// Percent-encodes a decoded path for <c>RawTarget</c>: characters a path may carry as they are (RFC 3986 pchar
    /// and '/'), everything else as UTF-8 escapes. The client's own escapes of characters that needed none are lost.
    /// </summary>
    public static string Encode(string decoded)
    {
        var index = 0;
        while (index < decoded.Length && IsPathChar(decoded[index])) index++;
        if (index == decoded.Length) return decoded;

        var builder = new StringBuilder(decoded.Length + 16);
        builder.Append(decoded, 0, index);
        Span<byte> utf8 = stackalloc byte[4];
        for (; index < decoded.Length; index++)
        {
            var c = decoded[index];
            if (IsPathChar(c))
            {
                builder.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && index + 1 < decoded.Length
                ? Encoding.UTF8.GetBytes(decoded.AsSpan(index++, 2), utf8)
                : Encoding.UTF8.GetBytes(decoded.AsSpan(index, 1), utf8);
            foreach (var b in utf8[..length]) builder.Append('%').Append(HexUpper(b >> 4)).Append(HexUpper(b & 0xF));
        }
        return builder.ToString();
    }

    /// <summary>RFC 3986 §5.2.4 on a path that starts with '/': "/a/./b/../c" → "/a/c"; ".." never climbs above "/".</summary>
    public static string RemoveDotSegments(string path)
    {
        if (!HasDotSegment(path)) return path;
        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == "." || segment == "..")
            {
                if (segment == ".." && output.Count > 0) output.RemoveAt(output.Count - 1);
                if (last) output.Add(string.Empty);
                continue;
            }
            output.Add(segment);
        }
        return "/" + string.Join('/', output);
    }

    private static bool HasDotSegment(string path)
    {
        for (var i = path.IndexOf("/.", StringComparison.Ordinal); i >= 0; i = path.IndexOf("/.", i + 1, StringComparison.Ordinal))
        {
            var end = i + 2;
            if (end < path.Length && path[end] == '.') end++;
            if (end == path.Length || path[end] == '/') return true;
        }
        return false;
    }

    private static string WithLeadingSlash(string path) => path.Length == 0 ? "/" : path[0] == '/' ? path : "/" + path;

    private static bool IsPathChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/';

    private static char HexUpper(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
