using FoundryService.ComputeDna;

namespace FoundryService.Results;

/// <summary>Where finished <c>compute-dna</c> results are kept: SQLite locally, DynamoDB on AWS.</summary>
public interface IDnaResultStore
{
    /// <summary>Stores (or replaces, so a retried task stays idempotent) the result of <paramref name="taskId"/>.</summary>
    Task SaveAsync(string taskId, DnaAnalysis analysis, CancellationToken cancellationToken = default);

    /// <summary>The stored result, or null.</summary>
    Task<DnaAnalysis?> GetAsync(string taskId, CancellationToken cancellationToken = default);
}
