namespace Serverless.WebApp.Hosting.Tests.Runtime.Scripted;

/// <summary>How <see cref="ScriptedRuntimeApi"/> answers one request.</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="Body">The body (JSON in the Runtime API).</param>
/// <param name="Headers">Response headers besides <c>Content-Type: application/json</c>.</param>
/// <param name="HangUp">Abort the connection instead of answering.</param>
/// <param name="Gate">Wait for this before answering (or hanging up).</param>
internal sealed record ScriptedAnswer(
    int StatusCode = 202,
    string Body = """{"status":"OK"}""",
    IReadOnlyDictionary<string, string>? Headers = null,
    bool HangUp = false,
    Task? Gate = null)
{
    public const string RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
    public const long DeadlineMs = 1542409706888;
    public const string FunctionArn = "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime";
    public const string TraceId = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    /// <summary>Abort the connection without answering.</summary>
    public static ScriptedAnswer Hangup { get; } = new(HangUp: true);

    /// <summary>202, as the Runtime API accepts a result.</summary>
    public static ScriptedAnswer Accepted { get; } = new();

    /// <summary>A <c>/next</c> answer with the four <c>Lambda-Runtime-*</c> headers; <paramref name="deadline"/> replaces the deadline's text.</summary>
    public static ScriptedAnswer NextEvent(string json, string requestId = RequestId, string? deadline = null) =>
        new(200, json, LambdaHeaders(requestId, deadline ?? DeadlineMs.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static ScriptedAnswer Status(int status, string body = "") => new(status, body);

    private static Dictionary<string, string> LambdaHeaders(string requestId, string deadline) => new()
    {
        ["Lambda-Runtime-Aws-Request-Id"] = requestId,
        ["Lambda-Runtime-Deadline-Ms"] = deadline,
        ["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn,
        ["Lambda-Runtime-Trace-Id"] = TraceId,
    };
}
