namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// The environment variables Lambda sets for a function process, pointed at an emulator, with the .NET process
/// settings the construct deploys for the app's publish mode (<see cref="DeployedProcessSettings"/>) and nothing else.
/// </summary>
public static class LambdaEnvironment
{
    public static Dictionary<string, string?> For(LambdaRuntimeApiEmulator emulator, PublishedApp app, string functionName = "foundry-service")
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = emulator.Address,
            ["AWS_LAMBDA_FUNCTION_NAME"] = functionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "1",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + functionName,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["LAMBDA_TASK_ROOT"] = app.Directory,
        };
        foreach (var (name, value) in DeployedProcessSettings.For(app.Mode)) environment[name] = value;
        return environment;
    }
}
