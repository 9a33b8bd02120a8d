namespace ServerlessWebApp.Hosting.Runtime;

/// <summary>Process environment variables, behind an interface so the loop and the registration are testable.</summary>
internal interface ILambdaEnvironment
{
    string? GetVariable(string name);

    void SetVariable(string name, string? value);
}
