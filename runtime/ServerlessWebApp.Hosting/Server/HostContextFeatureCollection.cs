using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Serverless.WebApp.Hosting.Features;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// Lets the host keep its per-request context (and the DefaultHttpContext inside it) on the reused feature collection
/// and re-initialise it for the next request instead of allocating new ones, as Kestrel does for a connection.
/// </summary>
internal sealed class HostContextFeatureCollection<TContext>(LambdaFeatureSet features)
    : LambdaFeatureCollection(features), IHostContextContainer<TContext>
    where TContext : notnull
{
    public TContext? HostContext { get; set; }
}
