using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// The <see cref="IServer"/> for <c>manage &lt;command&gt;</c> outside Lambda: instead of listening it runs the mapped
/// command once the app has started — same services, configuration and scope as on Lambda — writes its output to the
/// console, makes its exit code the process's and stops the app. An unknown or missing command name lists the mapped
/// ones and exits with 2.
/// </summary>
internal sealed class LocalCommandServer : IServer
{
    internal const int UsageExitCode = 2;

    private readonly LocalCommandLine _commandLine;
    private readonly CommandRegistry _registry;
    private readonly CommandRunner _runner;
    private readonly LocalCommandConsole _console;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public LocalCommandServer(LocalCommandLine commandLine, CommandRegistry registry, CommandRunner runner, LocalCommandConsole console,
        IHostApplicationLifetime lifetime)
    {
        _commandLine = commandLine;
        _registry = registry;
        _runner = runner;
        _console = console;
        _lifetime = lifetime;
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    Task IServer.StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
    {
        // Commands are mapped after the services are built, so look them up once the app has fully started.
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
    }

    void IDisposable.Dispose() => _stopping.Dispose();

    /// <summary>Never throws: whatever happens, the exit code is set and the app stops.</summary>
    private async Task RunAsync()
    {
        int exitCode;
        try
        {
            exitCode = await RunCommandAsync().ConfigureAwait(false);
            await _console.Output.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Only the console itself can fail here (the runner turns a command's exception into exit code 1).
            exitCode = 1;
            await TryReportAsync($"{LocalCommandLine.Verb} {_commandLine.Name}: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
        }
        _console.SetExitCode(exitCode);
        _lifetime.StopApplication();
    }

    private async Task TryReportAsync(string message)
    {
        try
        {
            await _console.Error.WriteLineAsync(message).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Standard error is gone too (a closed pipe): the exit code is all that is left to say it.
        }
    }

    private async Task<int> RunCommandAsync()
    {
        if (_commandLine.Name is null)
        {
            await _console.Error.WriteLineAsync($"usage: {LocalCommandLine.Verb} <command> [args...]; mapped commands: {_registry.DescribeNames()}.")
                .ConfigureAwait(false);
            return UsageExitCode;
        }
        if (_registry.Find(_commandLine.Name) is not { } handler)
        {
            await _console.Error.WriteLineAsync(_registry.UnknownCommandMessage(_commandLine.Name)).ConfigureAwait(false);
            return UsageExitCode;
        }

        var outcome = await _runner.RunAsync(_commandLine.Name, handler, _commandLine.Args, _console.Output, _stopping.Token).ConfigureAwait(false);
        if (outcome.Error is not null) await _console.Error.WriteLineAsync($"{_commandLine.Name} failed: {outcome.Error}").ConfigureAwait(false);
        return outcome.ExitCode;
    }
}
