using System.Text.Json;
using ServerlessWebApp.Hosting.Invocations;

namespace ServerlessWebApp.Hosting.Features;

internal sealed class LambdaRequestContextFeature(LambdaEventSource source, JsonElement requestContext, LambdaInvocation invocation)
    : ILambdaRequestContextFeature
{
    public LambdaEventSource Source { get; } = source;

    public JsonElement RequestContext { get; } = requestContext;

    public LambdaInvocation Invocation { get; } = invocation;
}
