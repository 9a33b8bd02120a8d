namespace ServerlessWebApp.Hosting.Runtime;

/// <summary>The real process environment.</summary>
internal sealed class ProcessLambdaEnvironment : ILambdaEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public void SetVariable(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
