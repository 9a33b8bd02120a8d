using System.Buffers;
using System.Text;
using System.Text.Json;
using Serverless.WebApp.Contract;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// Runs <c>{"command":"migrate","args":["--dry-run"]}</c> and answers <c>{"command":"migrate","exitCode":0,"output":"..."}</c>.
/// Only mapped commands run; any other name fails the invocation with <c>UnknownCommand</c> and the list of known ones.
/// </summary>
internal sealed class ManagementCommandHandler : ILambdaEventHandler
{
    /// <summary>Keeps the answer well inside Lambda's 6 MB response limit.</summary>
    internal const int MaxOutputChars = 1_000_000;

    private readonly CommandRegistry _registry;
    private readonly CommandRunner _runner;

    public ManagementCommandHandler(CommandRegistry registry, CommandRunner runner)
    {
        _registry = registry;
        _runner = runner;
    }

    public int Order => 10;

    public bool CanHandle(JsonElement lambdaEvent) =>
        lambdaEvent.ValueKind == JsonValueKind.Object &&
        lambdaEvent.TryGetProperty(SwaControlEvent.Command, out var command) && command.ValueKind == JsonValueKind.String;

    public async Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var name = invocation.Event.GetProperty(SwaControlEvent.Command).GetString()!;
        var args = ReadArgs(invocation.Event);
        var handler = _registry.Find(name) ?? throw new LambdaEventException("UnknownCommand", _registry.UnknownCommandMessage(name));

        var output = new StringWriter();
        var outcome = await _runner.RunAsync(name, handler, args, output, cancellationToken).ConfigureAwait(false);

        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteString(SwaControlEvent.Command, name);
        writer.WriteNumber("exitCode", outcome.ExitCode);
        writer.WriteString("output", Truncate(output.ToString()));
        if (outcome.Error is not null) writer.WriteString("error", outcome.Error);
        writer.WriteEndObject();
    }

    private static IReadOnlyList<string> ReadArgs(JsonElement lambdaEvent)
    {
        if (!lambdaEvent.TryGetProperty(SwaControlEvent.Args, out var args) || args.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (args.ValueKind != JsonValueKind.Array || args.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
        {
            throw new LambdaEventException("MalformedCommand",
                $"'{SwaControlEvent.Args}' must be an array of strings, e.g. [\"--dry-run\"].");
        }
        return args.EnumerateArray().Select(a => a.GetString()!).ToArray();
    }

    private static string Truncate(string output)
    {
        if (output.Length <= MaxOutputChars) return output;
        var kept = new StringBuilder(output, 0, MaxOutputChars, MaxOutputChars + 80);
        kept.Append("\n[output truncated: ").Append(output.Length - MaxOutputChars).Append(" more characters]");
        return kept.ToString();
    }
}
