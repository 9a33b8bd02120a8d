using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Refuses, as Kestrel refuses with 400 before the app runs, a request no HTTP/1.1 client could have sent: a header
/// name with whitespace or a non-ASCII character, a header value with NUL, CR or LF, a missing-or-malformed or repeated Host, a path that
/// decodes to a NUL character. Events are built by front doors from real requests, but a crafted or buggy event must
/// not reach the app as something Kestrel would never have let through.
/// </summary>
internal static class RequestValidator
{
    /// <summary>
    /// Why Kestrel would refuse this request, or null when it would take it. A Host the bridge took from the front
    /// door's request context (its own domain name) is not the client's and is not checked.
    /// </summary>
    public static string? Reject(HttpExchange exchange)
    {
        var request = exchange.Request;
        foreach (var (name, values) in request.RequestHeaders)
        {
            if (!HttpCharacters.IsRequestHeaderName(name)) return "a header name has whitespace, NUL, CR, LF or a non-ASCII character";
            foreach (var value in values)
            {
                if (value is not null && !HttpCharacters.IsValidRequestValue(value)) return $"the {Shorten(name)} header has a NUL, CR or LF character";
            }
        }

        var host = request.Headers[HeaderNames.Host];
        if (host.Count > 1) return "the request has more than one Host header";
        if (host.Count == 1 && !exchange.HostIsFrontDoors && !IsValidHost(host[0])) return "the Host header is not a valid host[:port]";

        if (request.Path.Contains('\0') || request.PathBase.Contains('\0')) return "the path contains an encoded NUL (%00)";
        return null;
    }

    /// <summary>
    /// RFC 9110 Host: empty, or a registered name or IPv4 address of unreserved and sub-delimiter characters, or
    /// an IP literal in brackets, then an optional ':' and a port of digits. No user info, path, query or fragment.
    /// </summary>
    internal static bool IsValidHost(string? host)
    {
        if (string.IsNullOrEmpty(host)) return true;
        var i = 0;
        if (host[0] == '[')
        {
            var close = host.IndexOf(']');
            if (close < 2) return false;
            for (i = 1; i < close; i++)
            {
                if (!(char.IsAsciiHexDigit(host[i]) || host[i] is ':' or '.')) return false;
            }
            i = close + 1;
        }
        else
        {
            while (i < host.Length && IsRegisteredNameChar(host[i])) i++;
            if (i == 0) return false;
        }

        if (i == host.Length) return true;
        if (host[i] != ':') return false;
        for (i++; i < host.Length; i++)
        {
            if (!char.IsAsciiDigit(host[i])) return false;
        }
        return true;
    }

    private static bool IsRegisteredNameChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
