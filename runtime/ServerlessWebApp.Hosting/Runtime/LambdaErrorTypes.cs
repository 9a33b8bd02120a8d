namespace Serverless.WebApp.Hosting.Runtime;

/// <summary><c>errorType</c> values the loop itself posts.</summary>
internal static class LambdaErrorTypes
{
    /// <summary>The event payload is not valid JSON.</summary>
    public const string MalformedEvent = "MalformedEvent";

    /// <summary>No registered handler recognises the event.</summary>
    public const string UnrecognizedEvent = "UnrecognizedEvent";

    /// <summary>The app failed before it could serve its first event.</summary>
    public const string StartupFailure = "Runtime.StartupFailure";
}
