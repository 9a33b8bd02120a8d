using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// The <see cref="IServer"/> used inside Lambda in place of Kestrel: instead of listening on a socket it pulls
/// events from the Lambda Runtime API and feeds the HTTP ones to the app's pipeline.
/// </summary>
internal sealed class LambdaServer : IServer
{
    private readonly LambdaHttpApplication _application;
    private readonly LambdaInvocationLoop _loop;

    public LambdaServer(LambdaHttpApplication application, LambdaInvocationLoop loop)
    {
        _application = application;
        _loop = loop;
        // Hosting and app code read this; Lambda has no addresses to listen on.
        Features.Set<IServerAddressesFeature>(new LambdaServerAddressesFeature());
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    Task IServer.StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
    {
        _application.Start(new HttpApplicationAdapter<TContext>(application));
        _loop.Start();
        return Task.CompletedTask;
    }

    async Task IServer.StopAsync(CancellationToken cancellationToken)
    {
        await _loop.StopAsync(cancellationToken).ConfigureAwait(false);
        _application.Stop();
    }

    void IDisposable.Dispose() => _loop.Dispose();
}
