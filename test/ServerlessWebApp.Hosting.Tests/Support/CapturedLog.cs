using Microsoft.Extensions.Logging;

namespace ServerlessWebApp.Hosting.Tests.Support;

internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception, string? AwsRequestId);
