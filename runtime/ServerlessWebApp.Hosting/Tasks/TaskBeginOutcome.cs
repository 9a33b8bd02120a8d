namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>What <see cref="ITaskStatusWriter.BeginAsync"/> found.</summary>
/// <param name="AlreadyDone">The task reached DONE before: do not run it again.</param>
/// <param name="Busy">Another delivery holds the task (IN_PROGRESS with a lease that has not run out): retry later.</param>
/// <param name="Attempt">The attempt number now starting (0 when not tracked, done or busy).</param>
internal readonly record struct TaskBeginOutcome(bool AlreadyDone, bool Busy, int Attempt)
{
    public static TaskBeginOutcome Started(int attempt) => new(false, false, attempt);
    public static TaskBeginOutcome Done => new(true, false, 0);
    public static TaskBeginOutcome HeldByAnother => new(false, true, 0);
}
