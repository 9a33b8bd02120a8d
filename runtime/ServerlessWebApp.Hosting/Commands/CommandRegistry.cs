using Serverless.WebApp.Contract;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Hosting.Commands;

/// <summary>The management commands the app mapped: the only code an invocation can run by name.</summary>
internal sealed partial class CommandRegistry
{
    private readonly ConcurrentDictionary<string, CommandHandler> _commands = new(StringComparer.Ordinal);

    public void Add(string name, CommandHandler handler)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Command name '{name}' is invalid: use 1-64 characters from letters, digits, '-', '_', '.' and ':'.", nameof(name));
        }
        if (!_commands.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"A command named '{name}' is already mapped.");
        }
    }

    public CommandHandler? Find(string name) => _commands.GetValueOrDefault(name);

    public IReadOnlyList<string> Names => _commands.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The mapped names for a message: comma-separated, or "(none mapped)".</summary>
    public string DescribeNames()
    {
        var names = Names;
        return names.Count == 0 ? "(none mapped)" : string.Join(", ", names);
    }

    /// <summary>What a Lambda invocation and a local <c>manage</c> run both say for a name nothing is mapped to.</summary>
    public string UnknownCommandMessage(string name) => $"Unknown command '{name}'. Known commands: {DescribeNames()}.";

    [GeneratedRegex(SwaNames.CommandNamePattern)]
    private static partial Regex NamePattern();
}
