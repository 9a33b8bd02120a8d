using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>Decides whether a response body travels base64-encoded (see <see cref="ServerlessWebAppOptions.BinaryMediaTypes"/>).</summary>
internal sealed class BinaryContentPolicy
{
    private readonly string[] _exact;
    private readonly string[] _prefixes;

    public BinaryContentPolicy(IEnumerable<string> binaryMediaTypes)
    {
        var types = binaryMediaTypes.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray();
        _exact = types.Where(t => !t.EndsWith("/*", StringComparison.Ordinal)).ToArray();
        _prefixes = types.Where(t => t.EndsWith("/*", StringComparison.Ordinal)).Select(t => t[..^1]).ToArray();
    }

    public bool IsBinary(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var encoding = headers[HeaderNames.ContentEncoding];
        if (encoding.Count > 0 && !string.IsNullOrEmpty(encoding[0]) && !string.Equals(encoding[0], "identity", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var contentType = headers[HeaderNames.ContentType];
        if (contentType.Count > 0 && contentType[0] is { Length: > 0 } value && IsBinaryMediaType(value)) return true;

        // JSON strings must be valid UTF-8; anything else can only travel as base64.
        return !System.Text.Unicode.Utf8.IsValid(body);
    }

    private bool IsBinaryMediaType(string contentType)
    {
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0) mediaType = mediaType[..semicolon];
        mediaType = mediaType.Trim();

        foreach (var exact in _exact)
        {
            if (mediaType.Equals(exact, StringComparison.OrdinalIgnoreCase)) return true;
        }
        foreach (var prefix in _prefixes)
        {
            if (mediaType.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
