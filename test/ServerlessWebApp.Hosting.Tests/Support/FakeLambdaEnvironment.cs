using System.Collections.Concurrent;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>An in-memory environment; records every write so tests can see what the loop set per invocation.</summary>
internal sealed class FakeLambdaEnvironment : ILambdaEnvironment
{
    private readonly ConcurrentDictionary<string, string?> _values = new();

    public List<(string Name, string? Value)> Writes { get; } = [];

    public IReadOnlyList<string> CommandLineArgs { get; init; } = [];

    public static FakeLambdaEnvironment InsideLambda() => new() { [LambdaEnvironmentVariables.RuntimeApi] = "127.0.0.1:9001" };

    public string? this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : null;
        init => _values[name] = value;
    }

    public string? GetVariable(string name) => this[name];

    public void SetVariable(string name, string? value)
    {
        lock (Writes) Writes.Add((name, value));
        _values[name] = value;
    }
}
