namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>How one delivery of a task ended.</summary>
/// <param name="Succeeded">The message can be deleted: the task ran to DONE now or before.</param>
/// <param name="AlreadyDone">It had reached DONE before and was not run again.</param>
/// <param name="Error">Why it failed (null on success).</param>
internal readonly record struct TaskRunOutcome(bool Succeeded, bool AlreadyDone, string? Error)
{
    public static TaskRunOutcome Done => new(true, false, null);
    public static TaskRunOutcome Skipped => new(true, true, null);
    public static TaskRunOutcome Failed(string error) => new(false, false, error);
}
