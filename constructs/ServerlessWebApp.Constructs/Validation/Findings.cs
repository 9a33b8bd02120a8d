namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// What the checks of one construct found: errors, each naming the property and the allowed values, and warnings with
/// an id. <see cref="ConstructValidation"/> writes them to the construct tree.
/// </summary>
internal sealed class Findings
{
    private readonly List<string> _errors = [];
    private readonly List<(string Id, string Message)> _warnings = [];

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<(string Id, string Message)> Warnings => _warnings;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>
    /// Records the error <c>"{property} {problem}."</c>, e.g. <c>Error("MemorySize", "64 is out of range; allowed: whole MB
    /// from 128 to 10240")</c>. <paramref name="property"/> is the property as the user wrote it (<c>Tasks.WorkerTimeout</c>,
    /// <c>Schedules[0] ('nightly').Expression</c>); <paramref name="problem"/> says what is wrong and what is allowed.
    /// </summary>
    public void Error(string property, string problem) => _errors.Add($"{property} {problem}.");

    /// <summary>Records a warning; <paramref name="id"/> is what users acknowledge it by (<see cref="ServerlessWebAppWarnings"/>).</summary>
    public void Warning(string id, string message) => _warnings.Add((id, message));
}
