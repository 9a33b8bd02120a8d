using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// Whether the request and response bodies allow synchronous reads and writes. Off by default, as on Kestrel; the
/// app turns it on per request or for all with <c>KestrelServerOptions.AllowSynchronousIO</c>.
/// </summary>
internal sealed class LambdaBodyControlFeature : IHttpBodyControlFeature
{
    public bool AllowSynchronousIO { get; set; }
}
