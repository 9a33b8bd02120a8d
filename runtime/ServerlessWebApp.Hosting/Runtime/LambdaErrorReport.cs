namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>The body of <c>/invocation/{id}/error</c> and <c>/init/error</c>.</summary>
internal sealed record LambdaErrorReport(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public static LambdaErrorReport FromException(Exception exception, string? errorType = null) =>
        new(errorType ?? exception.GetType().Name, exception.Message, StackLines(exception));

    private static string[] StackLines(Exception exception) =>
        exception.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
