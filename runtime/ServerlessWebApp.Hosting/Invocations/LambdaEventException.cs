namespace Serverless.WebApp.Hosting.Invocations;

/// <summary>
/// Thrown by an <see cref="ILambdaEventHandler"/> to post the invocation to <c>/error</c> with a specific
/// <c>errorType</c> (for example <c>MalformedEvent</c> or <c>UnknownCommand</c>).
/// </summary>
public sealed class LambdaEventException : Exception
{
    /// <summary>An error reported to Lambda as <paramref name="errorType"/> with <paramref name="message"/>.</summary>
    /// <param name="errorType">The <c>errorType</c> to post, e.g. <c>MalformedEvent</c>.</param>
    /// <param name="message">The <c>errorMessage</c> to post.</param>
    /// <param name="inner">The error that caused it, if any.</param>
    public LambdaEventException(string errorType, string message, Exception? inner = null) : base(message, inner)
    {
        ErrorType = errorType;
    }

    /// <summary>The <c>errorType</c> posted to the Runtime API.</summary>
    public string ErrorType { get; }
}
