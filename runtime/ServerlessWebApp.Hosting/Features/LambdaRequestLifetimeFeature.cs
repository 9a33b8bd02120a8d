using Microsoft.AspNetCore.Http.Features;

namespace Serverless.WebApp.Hosting.Features;

/// <summary>
/// <c>RequestAborted</c> fires shortly before the invocation's deadline. <see cref="Abort"/> cannot drop a
/// connection that does not exist; it makes the bridge answer 502 instead of whatever the app wrote.
/// </summary>
internal sealed class LambdaRequestLifetimeFeature : IHttpRequestLifetimeFeature
{
    public CancellationToken RequestAborted { get; set; }

    public bool IsAborted { get; private set; }

    public void Abort() => IsAborted = true;

    public void Reset(CancellationToken deadline)
    {
        RequestAborted = deadline;
        IsAborted = false;
    }
}
