using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// Runs one mapped management command in its own service scope, the same way whether a Lambda invocation or a local
/// <c>manage</c> command line asked for it: its exit code, or 1 and the exception's type and message if it threw.
/// </summary>
internal sealed partial class CommandRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<CommandRunner> _logger;

    public CommandRunner(IServiceScopeFactory scopes, ILogger<CommandRunner> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    public async Task<CommandOutcome> RunAsync(string name, CommandHandler handler, IReadOnlyList<string> args, TextWriter output,
        CancellationToken cancellationToken)
    {
        LogRunning(_logger, name, args.Count);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var exitCode = await handler(new CommandContext(name, args, output, scope.ServiceProvider), cancellationToken).ConfigureAwait(false);
            return new CommandOutcome(exitCode, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, ex, name);
            return new CommandOutcome(1, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Running management command {Command} with {ArgCount} arguments")]
    private static partial void LogRunning(ILogger logger, string command, int argCount);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "Management command {Command} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string command);
}

/// <summary>A command's exit code, and the failure when it threw.</summary>
internal sealed record CommandOutcome(int ExitCode, string? Error);
