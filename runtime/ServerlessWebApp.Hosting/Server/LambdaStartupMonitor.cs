using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Server;

/// <summary>
/// Reports a failed start-up to the Runtime API's <c>/init/error</c>, so Lambda shows the real cause instead of a
/// bare "Runtime exited". A host that fails to start throws out of <c>app.Run()</c>; the exception then surfaces as
/// unhandled, which is where this hooks in. It subscribes when it is constructed — the host resolves its hosted
/// services before it runs the start-up validators, so an invalid option (<c>ValidateOnStart</c>) is reported too —
/// and stays subscribed until the host has started. By the time the exception is unhandled, <c>Run()</c> has already
/// disposed the host and its services, so the report goes through a runtime client of its own.
/// </summary>
internal sealed partial class LambdaStartupMonitor : IHostedLifecycleService
{
    private readonly Func<ILambdaRuntimeClient> _clientFactory;
    private readonly ILogger _logger;
    private int _reported;

    public LambdaStartupMonitor(ILambdaEnvironment environment, ILoggerFactory loggers)
        : this(ClientFactory(environment, loggers.CreateLogger<LambdaRuntimeClient>()), loggers.CreateLogger<LambdaStartupMonitor>())
    {
    }

    internal LambdaStartupMonitor(ILambdaRuntimeClient client, ILogger logger) : this(() => client, logger)
    {
    }

    private LambdaStartupMonitor(Func<ILambdaRuntimeClient> clientFactory, ILogger logger)
    {
        _clientFactory = clientFactory;
        _logger = logger;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    // Loggers are created now: the factory is disposed with the failed host before the report is made.
    private static Func<ILambdaRuntimeClient> ClientFactory(ILambdaEnvironment environment, ILogger<LambdaRuntimeClient> logger) =>
        () => new LambdaRuntimeClient(environment, logger);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        return Task.CompletedTask;
    }

    /// <summary>Posts the failure to <c>/init/error</c> once; later calls do nothing.</summary>
    internal async Task ReportAsync(Exception exception, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 1) return;
        try
        {
            LogStartupFailed(_logger, exception);
        }
        catch (ObjectDisposedException)
        {
            // The failed host has disposed its logger providers; the post below still tells Lambda.
        }
        try
        {
            var errorType = $"{LambdaErrorTypes.StartupFailure}.{exception.GetType().Name}";
            await _clientFactory().PostInitErrorAsync(LambdaErrorReport.FromException(exception, errorType), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception postFailure)
        {
            LogInitErrorNotPosted(_logger, postFailure);
        }
    }

    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is Exception exception)
        {
            ReportAsync(exception, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Critical, Message = "The application failed to start inside Lambda")]
    private static partial void LogStartupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Could not post the start-up failure to /init/error")]
    private static partial void LogInitErrorNotPosted(ILogger logger, Exception exception);
}
