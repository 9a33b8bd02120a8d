namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>A start-up failure the runtime posted to <c>/2018-06-01/runtime/init/error</c>.</summary>
public sealed record InitErrorReport(string? ErrorType, string Body, long Timestamp);
