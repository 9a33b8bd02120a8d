namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>The environment variables Lambda sets for a function process, pointed at an emulator.</summary>
public static class LambdaEnvironment
{
    public static Dictionary<string, string?> For(LambdaRuntimeApiEmulator emulator, string taskRoot, string functionName = "foundry-service") => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = emulator.Address,
        ["AWS_LAMBDA_FUNCTION_NAME"] = functionName,
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "1",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + functionName,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["LAMBDA_TASK_ROOT"] = taskRoot,
        ["DOTNET_gcServer"] = "0",
    };
}
