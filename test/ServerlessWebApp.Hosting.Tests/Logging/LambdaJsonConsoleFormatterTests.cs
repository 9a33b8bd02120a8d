using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.WebApp.Hosting.Logging;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Tests.Logging;

public class LambdaJsonConsoleFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 45, 0, 123, TimeSpan.Zero);

    [Fact]
    public void LineHasLambdaJsonLogFieldsAndTheRequestIdFromScope()
    {
        // GIVEN a log entry written inside an invocation's scope
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new InvocationLogScope("8476a536-e9f4"));

        // WHEN it is formatted
        var line = Format(LogLevel.Information, "Computed 3 sequences", [new("Count", 3), new("{OriginalFormat}", "Computed {Count} sequences")], null, scopes);

        // THEN it is one JSON object with Lambda's field names
        var json = JsonDocument.Parse(line).RootElement;
        Assert.EndsWith("\n", line);
        Assert.Equal("2026-11-23T11:45:00.123Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", json.GetProperty("level").GetString());
        Assert.Equal("Computed 3 sequences", json.GetProperty("message").GetString());
        Assert.Equal("8476a536-e9f4", json.GetProperty("requestId").GetString());
        Assert.Equal(3, json.GetProperty("Count").GetInt32());
        Assert.Equal("Test.Category", json.GetProperty("logger").GetString());
        Assert.False(json.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void ExceptionIsWrittenAsErrorTypeMessageAndStackTrace()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var line = Format(LogLevel.Critical, "Failed", [], thrown, null);

        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("FATAL", json.GetProperty("level").GetString());
        Assert.Equal("System.InvalidOperationException", json.GetProperty("errorType").GetString());
        Assert.Equal("boom", json.GetProperty("errorMessage").GetString());
        Assert.Contains(json.GetProperty("stackTrace").EnumerateArray(), l => l.GetString()!.Contains(nameof(ExceptionIsWrittenAsErrorTypeMessageAndStackTrace)));
        Assert.False(json.TryGetProperty("requestId", out _));
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    public void LevelsUseLambdaNames(LogLevel level, string expected) =>
        Assert.Equal(expected, LambdaJsonConsoleFormatter.Level(level));

    private static string Format(LogLevel level, string message, KeyValuePair<string, object?>[] state, Exception? exception, IExternalScopeProvider? scopes)
    {
        var formatter = new LambdaJsonConsoleFormatter(new FixedClock(Now));
        using var output = new StringWriter();
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(level, "Test.Category", new EventId(0), state, exception,
            (_, _) => message);
        formatter.Write(entry, scopes, output);
        return output.ToString();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
