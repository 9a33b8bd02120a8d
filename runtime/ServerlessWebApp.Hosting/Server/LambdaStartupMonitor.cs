using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessWebApp.Hosting.Runtime;

namespace ServerlessWebApp.Hosting.Server;

/// <summary>
/// Reports a failed start-up to the Runtime API's <c>/init/error</c>, so Lambda shows the real cause instead of a
/// bare "Runtime exited". A host that fails to start throws out of <c>app.Run()</c>; the exception then surfaces as
/// unhandled, which is where this hooks in, from the moment the host starts until it has fully started.
/// </summary>
internal sealed partial class LambdaStartupMonitor(ILambdaRuntimeClient client, ILogger<LambdaStartupMonitor> logger)
    : IHostedLifecycleService
{
    private int _reported;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        return Task.CompletedTask;
    }

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
        LogStartupFailed(logger, exception);
        try
        {
            var errorType = $"{LambdaErrorTypes.StartupFailure}.{exception.GetType().Name}";
            await client.PostInitErrorAsync(LambdaErrorReport.FromException(exception, errorType), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception postFailure)
        {
            LogInitErrorNotPosted(logger, postFailure);
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
