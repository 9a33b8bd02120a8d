namespace FoundryService;

/// <summary>Settings of the sample, bound from the <c>Foundry</c> configuration section (env: <c>Foundry__*</c>).</summary>
public sealed class FoundryOptions
{
    public const string Section = "Foundry";

    /// <summary>How long a <c>compute-dna</c> task pretends to work. Default: 2 minutes, like a real lab computation.</summary>
    public TimeSpan ComputeDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>DynamoDB table (partition key <c>taskId</c>, string) for results. Default: none, results go to SQLite.</summary>
    public string? ResultsTable { get; set; }

    /// <summary>SQLite file for results when no table is set. Default: <c>foundry-results.db</c> in the content root.</summary>
    public string? ResultsDatabasePath { get; set; }
}
