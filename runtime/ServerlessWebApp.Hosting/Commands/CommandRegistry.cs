using ServerlessWebApp.Contract;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ServerlessWebApp.Hosting.Commands;

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

    [GeneratedRegex(SwaNames.CommandNamePattern)]
    private static partial Regex NamePattern();
}
