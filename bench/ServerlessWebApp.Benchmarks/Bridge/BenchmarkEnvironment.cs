using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Benchmarks.Bridge;

/// <summary>Looks like Lambda to <c>AddServerlessWebApp</c> without touching the process environment.</summary>
internal sealed class BenchmarkEnvironment : ILambdaEnvironment
{
    public IReadOnlyList<string> CommandLineArgs { get; } = [];

    public string? GetVariable(string name) => name == LambdaEnvironmentVariables.RuntimeApi ? "127.0.0.1:9001" : null;

    public void SetVariable(string name, string? value)
    {
    }
}
