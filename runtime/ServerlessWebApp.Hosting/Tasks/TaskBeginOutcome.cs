namespace ServerlessWebApp.Hosting.Tasks;

/// <summary>What <see cref="ITaskStatusWriter.BeginAsync"/> found.</summary>
/// <param name="AlreadyDone">The task reached DONE before: do not run it again.</param>
/// <param name="Attempt">The attempt number now starting (0 when not tracked or already done).</param>
internal readonly record struct TaskBeginOutcome(bool AlreadyDone, int Attempt);
