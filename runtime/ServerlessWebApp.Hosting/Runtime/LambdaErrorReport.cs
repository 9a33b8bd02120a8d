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
}
