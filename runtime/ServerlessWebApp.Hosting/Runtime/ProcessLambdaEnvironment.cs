namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>The real process environment.</summary>
internal sealed class ProcessLambdaEnvironment : ILambdaEnvironment
{
    public IReadOnlyList<string> CommandLineArgs { get; } = Environment.GetCommandLineArgs()[1..];

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public void SetVariable(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
