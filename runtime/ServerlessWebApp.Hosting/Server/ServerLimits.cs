using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// The server settings an app gives Kestrel that the bridge honours too, so the app behaves the same on both:
/// <c>KestrelServerOptions.AllowSynchronousIO</c> (default false) and <c>Limits.MaxRequestBodySize</c> (default
/// 30,000,000 bytes). Singleton.
/// </summary>
internal sealed partial class ServerLimits
{
    public ServerLimits(IServiceProvider services, ILogger<ServerLimits> logger)
    {
        var kestrel = new KestrelServerOptions();
        try
        {
            kestrel = services.GetService<IOptions<KestrelServerOptions>>()?.Value ?? kestrel;
        }
        catch (Exception ex)
        {
            // A ConfigureKestrel callback that needs what Lambda does not have (a certificate file, say) must not stop the app.
            LogKestrelOptionsUnreadable(logger, ex);
        }
        AllowSynchronousIO = kestrel.AllowSynchronousIO;
        MaxRequestBodySize = kestrel.Limits.MaxRequestBodySize;
    }

    public bool AllowSynchronousIO { get; }

    public long? MaxRequestBodySize { get; }

    [LoggerMessage(EventId = 34, Level = LogLevel.Warning,
        Message = "Could not read the app's KestrelServerOptions; the bridge uses Kestrel's defaults (no synchronous I/O, 30,000,000-byte request bodies)")]
    private static partial void LogKestrelOptionsUnreadable(ILogger logger, Exception exception);
}
