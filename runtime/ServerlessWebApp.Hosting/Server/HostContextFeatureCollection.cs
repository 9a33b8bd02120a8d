using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// Lets the host keep its per-request context (and the DefaultHttpContext inside it) on the reused feature collection
/// and re-initialise it for the next request instead of allocating new ones, as Kestrel does for a connection.
/// </summary>
internal sealed class HostContextFeatureCollection<TContext>(
    LambdaRequestFeature request, LambdaResponseFeature response, LambdaResponseBodyFeature body, LambdaConnectionFeature connection,
    LambdaRequestLifetimeFeature lifetime, LambdaRequestIdentifierFeature identifier, LambdaRequestContextFeature context)
    : LambdaFeatureCollection(request, response, body, connection, lifetime, identifier, context), IHostContextContainer<TContext>
    where TContext : notnull
{
    public TContext? HostContext { get; set; }
}
