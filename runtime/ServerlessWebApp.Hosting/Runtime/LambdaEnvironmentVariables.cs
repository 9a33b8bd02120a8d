namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>Environment variables Lambda defines for every runtime.</summary>
internal static class LambdaEnvironmentVariables
{
    /// <summary><c>host:port</c> of the Runtime API. Its presence is how we know we run inside Lambda.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>X-Ray trace header of the current invocation; SDKs read it from here.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";

    /// <summary>The function's log level when the JSON log format is configured (TRACE … FATAL).</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";
}
