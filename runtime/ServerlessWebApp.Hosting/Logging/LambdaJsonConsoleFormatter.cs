using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Serverless.WebApp.Hosting.Buffers;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Logging;

/// <summary>
/// One JSON object per line in the shape of Lambda's JSON log format, so CloudWatch Logs and Logs Insights index it:
/// <c>{"timestamp", "level", "message", "logger", "requestId", …template values…, "errorType", "errorMessage", "stackTrace"}</c>.
/// The request id comes from the invocation's logging scope. Long text is capped (<see cref="TextLimits"/>): a log line
/// that quotes a 1 MB header stays well inside the 256 KB CloudWatch keeps of an event.
/// </summary>
internal sealed class LambdaJsonConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "lambda-json";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TimeProvider _clock;

    public LambdaJsonConsoleFormatter() : this(TimeProvider.System)
    {
    }

    internal LambdaJsonConsoleFormatter(TimeProvider clock) : base(FormatterName) => _clock = clock;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;

        using var buffer = new PooledBufferWriter(1024);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp"u8, _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level"u8, Level(logEntry.LogLevel));
            json.WriteString("message"u8, TextLimits.Cap(message ?? logEntry.Exception!.Message));
            json.WriteString("logger"u8, logEntry.Category);
            if (logEntry.EventId.Id != 0) json.WriteNumber("eventId"u8, logEntry.EventId.Id);

            var requestId = RequestId(scopeProvider);
            if (requestId is not null) json.WriteString("requestId"u8, requestId);

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    if (key == "{OriginalFormat}" || IsReserved(key)) continue;
                    if (key == InvocationLogScope.RequestIdKey && requestId is not null && Equals(value, requestId)) continue;
                    WriteValue(json, key, value);
                }
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("errorType"u8, exception.GetType().FullName);
                json.WriteString("errorMessage"u8, TextLimits.Cap(exception.Message));
                json.WriteStartArray("stackTrace"u8);
                foreach (var line in TextLimits.StackLines(exception))
                {
                    json.WriteStringValue(line);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    /// <summary>Lambda's level names.</summary>
    internal static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "INFO",
    };

    private static string? RequestId(IExternalScopeProvider? scopeProvider)
    {
        if (scopeProvider is null) return null;
        var found = new RequestIdHolder();
        scopeProvider.ForEachScope(static (scope, holder) =>
        {
            if (scope is InvocationLogScope invocation) holder.Value = invocation.AwsRequestId;
        }, found);
        return found.Value;
    }

    private static bool IsReserved(string key) => key is "timestamp" or "level" or "message" or "logger" or "requestId"
        or "errorType" or "errorMessage" or "stackTrace" or "eventId";

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int i: json.WriteNumber(key, i); break;
            case long l: json.WriteNumber(key, l); break;
            case double d when double.IsFinite(d): json.WriteNumber(key, d); break;
            case decimal m: json.WriteNumber(key, m); break;
            default: json.WriteString(key, TextLimits.Cap(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)); break;
        }
    }

    private sealed class RequestIdHolder
    {
        public string? Value;
    }
}
