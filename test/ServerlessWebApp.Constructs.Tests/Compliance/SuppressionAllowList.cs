using Serverless.WebApp.TestSupport;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Reads the allow-list of suppressions: the table under <c>### Suppressions</c> in docs/security.md, so what the
/// docs promise and what the gate accepts cannot drift apart.
/// </summary>
public static partial class SuppressionAllowList
{
    public const string Heading = "### Suppressions";
    public const string TableHeader = "| rule (finding) | resource | configurations | reason |";

    public static string DocumentPath => Path.Combine(RepositoryPaths.Root, "docs", "security.md");

    public static IReadOnlyList<DocumentedSuppression> Load()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var heading = Array.FindIndex(lines, l => l.Trim() == Heading);
        if (heading < 0) throw new InvalidOperationException($"{DocumentPath} has no '{Heading}' section.");
        var header = Array.FindIndex(lines, heading, l => l.Trim() == TableHeader);
        if (header < 0) throw new InvalidOperationException($"{DocumentPath}: the '{Heading}' section has no table with header '{TableHeader}'.");

        var rows = new List<DocumentedSuppression>();
        for (var i = header + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            if (cells.Length != 4) throw new InvalidOperationException($"{DocumentPath} line {i + 1}: expected 4 cells, got {cells.Length}.");
            rows.Add(new DocumentedSuppression(
                Unquote(cells[0]),
                Unquote(cells[1]),
                ConfigurationsIn(cells[2]),
                cells[3]));
        }
        return rows;
    }

    /// <summary>A comma-separated list of configuration names, or "every configuration" for the whole matrix.</summary>
    private static IReadOnlyList<string> ConfigurationsIn(string cell) =>
        (cell == DocumentedSuppression.EveryConfiguration
            ? ComplianceConfigurations.All.Select(c => c.Name)
            : cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Order(StringComparer.Ordinal).ToList();

    private static string[] Cells(string line)
    {
        var trimmed = line.Trim();
        return trimmed[1..^1].Split('|').Select(c => c.Trim()).ToArray();
    }

    private static string Unquote(string cell) => BackQuoted().Match(cell) is { Success: true } m ? m.Groups[1].Value : cell;

    [GeneratedRegex("^`(.*)`$")]
    private static partial Regex BackQuoted();
}
