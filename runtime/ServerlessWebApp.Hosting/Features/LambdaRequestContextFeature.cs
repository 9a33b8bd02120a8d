using System.Text.Json;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Features;

internal sealed class LambdaRequestContextFeature : ILambdaRequestContextFeature
{
    public LambdaEventSource Source { get; private set; }

    public JsonElement RequestContext { get; private set; }

    public LambdaInvocation Invocation { get; private set; } = null!;

    public void Reset(LambdaEventSource source, JsonElement requestContext, LambdaInvocation invocation)
    {
        Source = source;
        RequestContext = requestContext;
        Invocation = invocation;
    }
}
