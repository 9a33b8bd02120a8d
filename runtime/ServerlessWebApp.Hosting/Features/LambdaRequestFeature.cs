using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ServerlessWebApp.Hosting.Features;

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

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    public Stream Body { get; set; } = Stream.Null;
}
