namespace Serverless.WebApp.TestSupport.RawHttp;

/// <summary>One HTTP/1.1 request or response as read off the wire by <see cref="RawHttpMessageReader"/>.</summary>
/// <param name="StartLine">The request line or status line, split on spaces.</param>
/// <param name="Headers">Header values by name, names compared case-insensitively.</param>
/// <param name="Body">The body (by <c>Content-Length</c>), decoded as UTF-8.</param>
public sealed record RawHttpMessage(string[] StartLine, IReadOnlyDictionary<string, string> Headers, string Body);
