using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.Hosting.Tests.Support;

internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception, string? AwsRequestId);
