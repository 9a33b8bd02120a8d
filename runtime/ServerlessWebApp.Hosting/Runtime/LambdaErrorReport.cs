using System.Text.Json;
using Serverless.WebApp.Hosting.Logging;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// The body of <c>/invocation/{id}/error</c> and <c>/init/error</c>. Message and stack trace are capped
/// (<see cref="TextLimits"/>): an error about event text must not echo a megabyte of it back.
/// </summary>
internal sealed record LambdaErrorReport(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public static LambdaErrorReport FromException(Exception exception, string? errorType = null) =>
        new(errorType ?? exception.GetType().Name, TextLimits.Cap(exception.Message), TextLimits.StackLines(exception));

    /// <summary>Writes the report as Lambda shows an error: <c>{"errorMessage", "errorType", "stackTrace"}</c>.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("errorMessage"u8, ErrorMessage);
        json.WriteString("errorType"u8, ErrorType);
        json.WriteStartArray("stackTrace"u8);
        foreach (var line in StackTrace) json.WriteStringValue(line);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
