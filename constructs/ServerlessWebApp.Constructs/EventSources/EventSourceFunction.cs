namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Which function of the app receives an event source's records.</summary>
public enum EventSourceFunction
{
    /// <summary>The worker (the task worker when <c>Tasks</c> is set, otherwise one created for the events): a long timeout, off the request path.</summary>
    Worker,

    /// <summary>The web function behind the front door, with its short timeout.</summary>
    Web,
}
