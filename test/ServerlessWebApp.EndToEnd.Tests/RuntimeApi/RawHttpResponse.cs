namespace Serverless.WebApp.EndToEnd.Tests.RuntimeApi;

/// <summary>One response as read off the wire by <see cref="RawHttpConnection"/>.</summary>
internal sealed record RawHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
