using Microsoft.Extensions.Hosting;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// <c>manage &lt;command&gt;</c> outside Lambda: runs the mapped command once the app has started — same services,
/// configuration and scope as on Lambda — writes its output to the console and makes its exit code the process's. An
/// unknown or missing command name lists the mapped ones and exits with 2.
/// </summary>
internal sealed class LocalCommandServer : LocalRunServer
{
    private readonly LocalCommandLine _commandLine;
    private readonly CommandRegistry _registry;
    private readonly CommandRunner _runner;

    public LocalCommandServer(LocalCommandLine commandLine, CommandRegistry registry, CommandRunner runner, LocalCommandConsole console,
        IHostApplicationLifetime lifetime) : base(console, lifetime)
    {
        _commandLine = commandLine;
        _registry = registry;
        _runner = runner;
    }

    protected override string Description => $"{LocalCommandLine.Verb} {_commandLine.Name}";

    protected override async Task<int> RunOnceAsync(CancellationToken stopping)
    {
        if (_commandLine.Name is null)
        {
            await Console.Error.WriteLineAsync($"usage: {LocalCommandLine.Verb} <command> [args...]; mapped commands: {_registry.DescribeNames()}.")
                .ConfigureAwait(false);
            return UsageExitCode;
        }
        if (_registry.Find(_commandLine.Name) is not { } handler)
        {
            await Console.Error.WriteLineAsync(_registry.UnknownCommandMessage(_commandLine.Name)).ConfigureAwait(false);
            return UsageExitCode;
        }

        var outcome = await _runner.RunAsync(_commandLine.Name, handler, _commandLine.Args, Console.Output, stopping).ConfigureAwait(false);
        if (outcome.Error is not null) await Console.Error.WriteLineAsync($"{_commandLine.Name} failed: {outcome.Error}").ConfigureAwait(false);
        return outcome.ExitCode;
    }
}
