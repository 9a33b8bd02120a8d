using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>The request line, headers and body, as an event adapter read them from the event.</summary>
internal sealed class LambdaRequestFeature : IHttpRequestFeature
{
    public string Protocol { get; set; } = "HTTP/1.1";

    public string Scheme { get; set; } = "https";

    public string Method { get; set; } = HttpMethods.Get;

    public string PathBase { get; set; } = string.Empty;

    public string Path { get; set; } = "/";

    public string QueryString { get; set; } = string.Empty;

    public string RawTarget { get; set; } = string.Empty;

    private readonly HeaderDictionary _headers = new();

    public LambdaRequestFeature() => Headers = _headers;

    public IHeaderDictionary Headers { get; set; }

    /// <summary>The headers the event carried, as the concrete type, for allocation-free enumeration.</summary>
    public HeaderDictionary RequestHeaders => _headers;

    public Stream Body { get; set; } = Stream.Null;

    public void Reset()
    {
        Protocol = "HTTP/1.1";
        Scheme = "https";
        Method = HttpMethods.Get;
        PathBase = string.Empty;
        Path = "/";
        QueryString = string.Empty;
        RawTarget = string.Empty;
        _headers.Clear();
        Headers = _headers;
        Body = Stream.Null;
    }
}
