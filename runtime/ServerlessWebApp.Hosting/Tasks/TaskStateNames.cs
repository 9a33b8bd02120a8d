namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// The wire names of <see cref="TaskState"/> as the status stores write them. Apps get the same names by serialising
/// <see cref="TaskState"/> itself (its JSON converter writes them).
/// </summary>
internal static class TaskStateNames
{
    /// <summary><see cref="TaskState.Received"/>.</summary>
    public const string Received = "RECEIVED";
    /// <summary><see cref="TaskState.InProgress"/>.</summary>
    public const string InProgress = "IN_PROGRESS";
    /// <summary><see cref="TaskState.Done"/>.</summary>
    public const string Done = "DONE";
    /// <summary><see cref="TaskState.Failed"/>.</summary>
    public const string Failed = "FAILED";

    /// <summary>The wire name of <paramref name="state"/>.</summary>
    public static string ToName(TaskState state) => state switch
    {
        TaskState.Received => Received,
        TaskState.InProgress => InProgress,
        TaskState.Done => Done,
        TaskState.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown task state."),
    };

    /// <summary>Parses a wire name; throws naming the allowed values otherwise.</summary>
    public static TaskState Parse(string name) => name switch
    {
        Received => TaskState.Received,
        InProgress => TaskState.InProgress,
        Done => TaskState.Done,
        Failed => TaskState.Failed,
        _ => throw new FormatException(
            $"Unknown task state '{name}'. Allowed: {Received}, {InProgress}, {Done}, {Failed}."),
    };
}
