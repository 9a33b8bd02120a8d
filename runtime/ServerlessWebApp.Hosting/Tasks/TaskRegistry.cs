using Serverless.WebApp.Contract;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>The tasks the app mapped. Only these run; a message naming any other task fails.</summary>
internal sealed partial class TaskRegistry
{
    private readonly ConcurrentDictionary<string, TaskRegistration> _tasks = new(StringComparer.Ordinal);

    public void Add(TaskRegistration registration)
    {
        if (!NamePattern().IsMatch(registration.Name))
        {
            throw new ArgumentException(
                $"Task name '{registration.Name}' is invalid: use 1-80 characters from letters, digits, '-', '_' and '.'.",
                "name");
        }
        if (!_tasks.TryAdd(registration.Name, registration))
        {
            throw new InvalidOperationException($"A task named '{registration.Name}' is already mapped.");
        }
    }

    public TaskRegistration? Find(string name) => _tasks.GetValueOrDefault(name);

    public IReadOnlyList<string> Names => _tasks.Keys.Order(StringComparer.Ordinal).ToArray();

    public string DescribeKnown() => Names.Count == 0 ? "(none mapped)" : string.Join(", ", Names);

    [GeneratedRegex(SwaNames.TaskNamePattern)]
    private static partial Regex NamePattern();
}
