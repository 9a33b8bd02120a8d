using Serverless.WebApp.TestSupport;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// Reads the list of Control Tower failures the matrix may still have: the table under
/// <c>### Control Tower controls each configuration still fails</c> in docs/security.md. The gate compares it with the
/// templates both ways, so the docs and the templates cannot drift apart.
/// </summary>
public static partial class ControlTowerFailureList
{
    public const string Heading = "### Control Tower controls each configuration still fails";
    public const string TableHeader = "| control | resource type | configurations | cleared by | cost of that prop |";

    public static string DocumentPath => Path.Combine(RepositoryPaths.Root, "docs", "security.md");

    public static IReadOnlyList<DocumentedControlTowerFailure> Load()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var heading = Array.FindIndex(lines, l => l.Trim() == Heading);
        if (heading < 0) throw new InvalidOperationException($"{DocumentPath} has no '{Heading}' section.");
        var header = Array.FindIndex(lines, heading, l => l.Trim() == TableHeader);
        if (header < 0) throw new InvalidOperationException($"{DocumentPath}: the '{Heading}' section has no table with header '{TableHeader}'.");

        var rows = new List<DocumentedControlTowerFailure>();
        for (var i = header + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = lines[i].Trim()[1..^1].Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 5) throw new InvalidOperationException($"{DocumentPath} line {i + 1}: expected 5 cells, got {cells.Length}.");
            rows.Add(new DocumentedControlTowerFailure(
                Unquote(cells[0]), Unquote(cells[1]), DocumentedControlTowerFailure.ConfigurationsIn(cells[2]), cells[3], cells[4]));
        }
        return rows;
    }

    private static string Unquote(string cell) => BackQuoted().Match(cell) is { Success: true } m ? m.Groups[1].Value : cell;

    [GeneratedRegex("^`(.*)`$")]
    private static partial Regex BackQuoted();
}
