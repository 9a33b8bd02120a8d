using System.Text;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>Compares what a client received from Kestrel with what it receives through a front door from the bridge.</summary>
internal static class ParityAssert
{
    /// <summary>
    /// Headers the server or the front door writes, not the app: Kestrel's Date and Server and its framing
    /// (Transfer-Encoding, Connection), which API Gateway and ALB write for themselves.
    /// </summary>
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Transfer-Encoding", "Connection", "Keep-Alive", "Content-Length",
    };

    public static void Same(ClientResponse kestrel, ClientResponse bridge)
    {
        var differences = Differences(kestrel, bridge).ToList();
        Assert.True(differences.Count == 0,
            "The bridge answered differently from Kestrel:\n  " + string.Join("\n  ", differences) +
            $"\nKestrel: {Describe(kestrel)}\nBridge:  {Describe(bridge)}");
    }

    public static IEnumerable<string> Differences(ClientResponse kestrel, ClientResponse bridge)
    {
        if (kestrel.Failed is not null || bridge.Failed is not null)
        {
            if ((kestrel.Failed is null) != (bridge.Failed is null)) yield return "one failed, the other answered";
            yield break;
        }
        if (kestrel.Status != bridge.Status) yield return $"status {kestrel.Status} vs {bridge.Status}";
        if (!kestrel.Body.AsSpan().SequenceEqual(bridge.Body)) yield return $"body of {kestrel.Body.Length} vs {bridge.Body.Length} bytes{FirstDifferentLine(kestrel.Body, bridge.Body)}";

        var names = kestrel.Headers.Concat(bridge.Headers).Select(h => h.Key).Where(n => !ServerHeaders.Contains(n))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var expected = kestrel.Header(name);
            var actual = bridge.Header(name);
            if (expected != actual) yield return $"header {name}: '{expected}' vs '{actual}'";
        }

        // A Content-Length the app set must arrive unchanged and describe the body the bridge sends.
        if (bridge.Header("Content-Length") is { } length)
        {
            if (kestrel.Header("Content-Length") != length) yield return $"Content-Length '{kestrel.Header("Content-Length")}' vs '{length}'";
        }
    }

    private static string FirstDifferentLine(byte[] expected, byte[] actual)
    {
        var left = Encoding.UTF8.GetString(expected).Split('\n');
        var right = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i]) return $", line {i + 1}: '{Shorten(left[i])}' vs '{Shorten(right[i])}'";
        }
        return "";
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text.Trim();

    private static string Describe(ClientResponse response)
    {
        if (response.Failed is not null) return "no response (" + response.Failed + ")";
        var text = Encoding.UTF8.GetString(response.Body);
        if (text.Length > 600) text = text[..600] + "…";
        return $"{response.Status} [{string.Join("; ", response.Headers.Select(h => $"{h.Key}: {h.Value}"))}] {text}";
    }
}
