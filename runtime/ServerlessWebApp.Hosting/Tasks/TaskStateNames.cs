namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// The wire names of <see cref="TaskState"/> as the status stores write and read them. Apps see the enum, which
/// serialises to the same names.
/// </summary>
internal static class TaskStateNames
{
    public const string Received = "RECEIVED";
    public const string InProgress = "IN_PROGRESS";
    public const string Done = "DONE";
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
