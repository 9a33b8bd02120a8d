namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>A task could not be enqueued; the message names the field or limit at fault. Nothing was enqueued.</summary>
public sealed class TaskEnqueueException : Exception
{
    /// <summary>A failed enqueue, described by <paramref name="message"/>.</summary>
    /// <param name="message">What was wrong, naming the field or limit.</param>
    /// <param name="inner">The error that caused it, if any (for example the SQS client's).</param>
    public TaskEnqueueException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
