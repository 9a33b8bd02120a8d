using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Serverless.WebApp.Hosting.Server;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// The <see cref="IServer"/> of a one-shot local run outside Lambda (<c>manage</c>, <c>invoke</c>): instead of
/// listening it runs <see cref="RunOnceAsync"/> once the app has started — same services, configuration and pipeline
/// as the app — makes its result the process's exit code and stops the app.
/// </summary>
internal abstract class LocalRunServer : IServer
{
    internal const int UsageExitCode = 2;

    private readonly IHostApplicationLifetime _lifetime;
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    protected LocalRunServer(LocalCommandConsole console, IHostApplicationLifetime lifetime)
    {
        Console = console;
        _lifetime = lifetime;
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    protected LocalCommandConsole Console { get; }

    /// <summary>What the run is, for a failure report (<c>manage migrate</c>).</summary>
    protected abstract string Description { get; }

    /// <summary>Runs once the app has started; returns the exit code. Must not throw except when the console fails.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken stopping);

    /// <summary>Called with the app's request pipeline before the app starts, for runs that send requests through it.</summary>
    protected virtual void OnStarting(IHttpApplicationAdapter application)
    {
    }

    Task IServer.StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
    {
        OnStarting(new HttpApplicationAdapter<TContext>(application));
        // Commands and tasks are mapped after the services are built, so run once the app has fully started.
        _lifetime.ApplicationStarted.Register(() => _running = Task.Run(RunAsync));
        return Task.CompletedTask;
    }

    async Task IServer.StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time-out elapsed first.
        }
        OnStopped();
    }

    /// <summary>Called after the run has ended and the app is stopping.</summary>
    protected virtual void OnStopped()
    {
    }

    void IDisposable.Dispose() => _stopping.Dispose();

    /// <summary>Never throws: whatever happens, the exit code is set and the app stops.</summary>
    private async Task RunAsync()
    {
        int exitCode;
        try
        {
            exitCode = await RunOnceAsync(_stopping.Token).ConfigureAwait(false);
            await Console.Output.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Only the console itself can fail here (a run turns its own failures into an exit code).
            exitCode = 1;
            await TryReportAsync($"{Description}: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
        }
        Console.SetExitCode(exitCode);
        _lifetime.StopApplication();
    }

    private async Task TryReportAsync(string message)
    {
        try
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Standard error is gone too (a closed pipe): the exit code is all that is left to say it.
        }
    }
}
