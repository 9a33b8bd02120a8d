using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>One log entry; <paramref name="JsonLine"/> is the line the runtime's Lambda JSON formatter writes for it.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception, string? AwsRequestId, string JsonLine);
