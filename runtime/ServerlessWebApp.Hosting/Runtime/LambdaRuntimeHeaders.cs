namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>Header names of the Lambda Runtime API (2018-06-01).</summary>
internal static class LambdaRuntimeHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    public static ReadOnlySpan<byte> RequestIdUtf8 => "Lambda-Runtime-Aws-Request-Id"u8;
    public static ReadOnlySpan<byte> DeadlineMsUtf8 => "Lambda-Runtime-Deadline-Ms"u8;
    public static ReadOnlySpan<byte> InvokedFunctionArnUtf8 => "Lambda-Runtime-Invoked-Function-Arn"u8;
    public static ReadOnlySpan<byte> TraceIdUtf8 => "Lambda-Runtime-Trace-Id"u8;
}
