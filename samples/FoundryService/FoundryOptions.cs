namespace FoundryService;

/// <summary>Settings of the sample, bound from the <c>Foundry</c> configuration section (env: <c>Foundry__*</c>).</summary>
public sealed class FoundryOptions
{
    public const string Section = "Foundry";

    /// <summary>A task must finish within a Lambda worker's 15-minute limit.</summary>
    public static readonly TimeSpan MaxComputeDuration = TimeSpan.FromMinutes(15);

    public const string ComputeDurationError =
        "Foundry:ComputeDuration must be between 00:00:00 and 00:15:00 (a Lambda worker runs at most 15 minutes).";

    public static bool IsValidComputeDuration(FoundryOptions options) =>
        options.ComputeDuration >= TimeSpan.Zero && options.ComputeDuration <= MaxComputeDuration;

    /// <summary>How long a <c>compute-dna</c> task pretends to work. Default: 2 minutes, like a real lab computation.</summary>
    public TimeSpan ComputeDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>DynamoDB table (partition key <c>taskId</c>, string) for results. Default: none, results go to SQLite.</summary>
    public string? ResultsTable { get; set; }

    /// <summary>SQLite file for results when no table is set. Default: <c>foundry-results.db</c> in the content root.</summary>
    public string? ResultsDatabasePath { get; set; }

    /// <summary>
    /// The key partner labs put in their sequence imports (<c>lab_key</c>); an import without it fails. A secret: deployed
    /// through the construct's <c>Secrets</c> into this key, locally from user secrets. Default: none, imports are not checked.
    /// </summary>
    public string? LabKey { get; set; }
}
