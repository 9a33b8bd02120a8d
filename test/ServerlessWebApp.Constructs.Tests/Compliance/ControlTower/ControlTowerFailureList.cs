using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// Reads the list of Control Tower failures the matrix may still have: the table under
/// <c>### Control Tower controls each configuration still fails</c> in docs/security.md. The gate compares it with the
/// templates both ways, so the docs and the templates cannot drift apart.
/// </summary>
public static class ControlTowerFailureList
{
    public const string Heading = "### Control Tower controls each configuration still fails";
    public const string TableHeader = "| control | resource type | configurations | cleared by | cost of that prop |";

    public static string DocumentPath => Path.Combine(RepositoryPaths.Root, "docs", "security.md");

    public static IReadOnlyList<DocumentedControlTowerFailure> Load() =>
        DocumentTable.Rows(DocumentPath, Heading, TableHeader)
            .Select(cells => new DocumentedControlTowerFailure(
                DocumentTable.Unquote(cells[0]),
                DocumentTable.Unquote(cells[1]),
                DocumentedControlTowerFailure.ConfigurationsIn(cells[2]),
                cells[3],
                cells[4]))
            .ToList();
}
