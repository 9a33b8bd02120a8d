namespace Serverless.WebApp.Hosting.Runtime;

/// <summary><c>errorType</c> values the loop itself posts.</summary>
internal static class LambdaErrorTypes
{
    /// <summary>The event payload is not valid JSON, or a <c>Lambda-Runtime-*</c> header of the invocation is malformed.</summary>
    public const string MalformedEvent = "MalformedEvent";

    /// <summary>
    /// The app's HTTP response could not have reached a client whole (aborted, failed after it started, shorter than
    /// its Content-Length); the front door answers the client with its own 5xx instead.
    /// </summary>
    public const string IncompleteResponse = "IncompleteResponse";

    /// <summary>No registered handler recognises the event.</summary>
    public const string UnrecognizedEvent = "UnrecognizedEvent";

    /// <summary>The app failed before it could serve its first event.</summary>
    public const string StartupFailure = "Runtime.StartupFailure";
}
