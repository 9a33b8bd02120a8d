namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>A queued task's message or payload cannot be read; the attempt fails and the message is retried, then dead-lettered.</summary>
internal sealed class TaskPayloadException : Exception
{
    public TaskPayloadException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
