using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Reads the allow-list of suppressions: the table under <c>### Suppressions</c> in docs/security.md, so what the
/// docs promise and what the gate accepts cannot drift apart.
/// </summary>
public static class SuppressionAllowList
{
    public const string Heading = "### Suppressions";
    public const string TableHeader = "| rule (finding) | resource | configurations | reason |";

    public static string DocumentPath => Path.Combine(RepositoryPaths.Root, "docs", "security.md");

    public static IReadOnlyList<DocumentedSuppression> Load() =>
        DocumentTable.Rows(DocumentPath, Heading, TableHeader)
            .Select(cells => new DocumentedSuppression(
                DocumentTable.Unquote(cells[0]),
                DocumentTable.Unquote(cells[1]),
                ConfigurationsIn(cells[2]),
                cells[3]))
            .ToList();

    /// <summary>A comma-separated list of configuration names, or "every configuration" for the whole matrix.</summary>
    private static IReadOnlyList<string> ConfigurationsIn(string cell) =>
        (cell == DocumentedSuppression.EveryConfiguration
            ? ComplianceConfigurations.All.Select(c => c.Name)
            : cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Order(StringComparer.Ordinal).ToList();
}
