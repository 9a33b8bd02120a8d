namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>A task could not be enqueued; the message names the field or limit at fault. Nothing was enqueued.</summary>
public sealed class TaskEnqueueException : Exception
{
    public TaskEnqueueException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
