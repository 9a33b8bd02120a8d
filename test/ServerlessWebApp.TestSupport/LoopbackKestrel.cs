using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.TestSupport;

/// <summary>
/// A bare Kestrel app (no configuration sources, no logging, routing only) on 127.0.0.1 and a free port: the base of
/// the fakes of HTTP services that tests run in-process.
/// </summary>
public static class LoopbackKestrel
{
    /// <summary>Builds the app, lets <paramref name="map"/> add its routes or terminal handler, and starts it.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        Action<WebApplication> map, Action<KestrelServerOptions>? kestrel = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.AddServerHeader = false;
            kestrel?.Invoke(options);
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address));
    }
}
