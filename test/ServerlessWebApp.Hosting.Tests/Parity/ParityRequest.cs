using System.Text;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// One request as a client sends it: method, request target exactly as written on the wire (path and query, with the
/// client's percent-encoding), headers in order (a name may repeat), and the body.
/// </summary>
internal sealed record ParityRequest(string Name, string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body)
{
    public string Path => Target.IndexOf('?') is var q and >= 0 ? Target[..q] : Target;

    /// <summary>The query without its '?', or "" when there is none.</summary>
    public string Query => Target.IndexOf('?') is var q and >= 0 ? Target[(q + 1)..] : "";

    public bool HasQuery => Target.Contains('?');

    public string? ContentType => Header("Content-Type");

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).LastOrDefault();

    /// <summary>Whether a front door that sniffs content types would pass the body as text rather than base64.</summary>
    public bool BodyIsText => Body is { Length: > 0 } && ContentType is { } type && (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;

    public static ParityRequest Get(string target, params (string Name, string Value)[] headers) =>
        new($"GET {target}{Describe(headers)}", "GET", target, Pairs(headers), null);

    public static ParityRequest Send(string method, string target, string? contentType, string body, params (string Name, string Value)[] headers) =>
        Send(method, target, contentType, Encoding.UTF8.GetBytes(body), headers);

    public static ParityRequest Send(string method, string target, string? contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        var all = Pairs(headers);
        if (contentType is not null) all.Add(new("Content-Type", contentType));
        // What HttpClient sends for a body of known length (and for POST, PUT and PATCH without one).
        all.Add(new("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new($"{method} {target}{Describe(headers)} [{contentType ?? "no type"}, {body.Length} bytes]", method, target, all, body);
    }

    /// <summary>The same request under another name (for two shapes that differ only in what the test does with them).</summary>
    public ParityRequest Named(string name) => this with { Name = name };

    /// <summary>Headers as HttpClient writes them: a repeated name becomes one line with the values joined by ", ".</summary>
    private static List<KeyValuePair<string, string>> Pairs((string Name, string Value)[] headers) =>
        headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(", ", g.Select(h => h.Value))))
            .ToList();

    private static string Describe((string Name, string Value)[] headers) =>
        headers.Length == 0 ? "" : " {" + string.Join("; ", headers.Select(h => $"{h.Name}: {h.Value}")) + "}";
}
