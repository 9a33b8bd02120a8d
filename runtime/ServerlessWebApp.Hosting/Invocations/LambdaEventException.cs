namespace Serverless.WebApp.Hosting.Invocations;

/// <summary>
/// Thrown by an <see cref="ILambdaEventHandler"/> to post the invocation to <c>/error</c> with a specific
/// <c>errorType</c> (for example <c>MalformedEvent</c> or <c>UnknownCommand</c>).
/// </summary>
public sealed class LambdaEventException : Exception
{
    public LambdaEventException(string errorType, string message, Exception? inner = null) : base(message, inner)
    {
        ErrorType = errorType;
    }

    /// <summary>The <c>errorType</c> posted to the Runtime API.</summary>
    public string ErrorType { get; }
}
