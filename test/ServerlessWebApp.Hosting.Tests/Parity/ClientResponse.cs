namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// What a client received: status, headers (in order, a name may repeat) and body bytes — or, when
/// <see cref="Failed"/>, no usable response at all (Kestrel dropped the connection; a front door answers a failed
/// invocation with its own 5xx).
/// </summary>
internal sealed record ClientResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? Failed = null)
{
    public static ClientResponse Failure(string why) => new(0, [], [], why);

    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
        return values.Length == 0 ? null : string.Join(",", values);
    }
}
