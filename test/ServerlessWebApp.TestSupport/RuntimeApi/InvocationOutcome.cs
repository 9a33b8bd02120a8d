namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>How an invocation ended, as the runtime reported it to the emulator.</summary>
public enum InvocationOutcome
{
    /// <summary>The runtime posted <c>/invocation/{id}/response</c>.</summary>
    Response,
    /// <summary>The runtime posted <c>/invocation/{id}/error</c>.</summary>
    Error,
    /// <summary>The runtime posted <c>/init/error</c> while this invocation was waiting or running.</summary>
    InitError,
    /// <summary>The runtime posted a response larger than Lambda's synchronous payload limit.</summary>
    ResponseTooLarge,
}
