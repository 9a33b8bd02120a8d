namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>Process environment variables and arguments, behind an interface so the loop and the registration are testable.</summary>
internal interface ILambdaEnvironment
{
    /// <summary>The process's command-line arguments, without the program itself.</summary>
    IReadOnlyList<string> CommandLineArgs { get; }

    string? GetVariable(string name);

    void SetVariable(string name, string? value);
}
