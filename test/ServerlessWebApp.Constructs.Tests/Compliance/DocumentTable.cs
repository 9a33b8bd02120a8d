using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Reads a table of a Markdown document that a test holds the templates to: the first table with the given header
/// line after the given heading, one array of trimmed cells per row.
/// </summary>
public static partial class DocumentTable
{
    public static IReadOnlyList<string[]> Rows(string path, string heading, string header)
    {
        var lines = File.ReadAllLines(path);
        var headingLine = Array.FindIndex(lines, l => l.Trim() == heading);
        if (headingLine < 0) throw new InvalidOperationException($"{path} has no '{heading}' section.");
        var headerLine = Array.FindIndex(lines, headingLine, l => l.Trim() == header);
        if (headerLine < 0) throw new InvalidOperationException($"{path}: the '{heading}' section has no table with header '{header}'.");

        var columns = Cells(header).Length;
        var rows = new List<string[]>();
        for (var i = headerLine + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            if (cells.Length != columns) throw new InvalidOperationException($"{path} line {i + 1}: expected {columns} cells, got {cells.Length}.");
            rows.Add(cells);
        }
        return rows;
    }

    /// <summary>The cell's text without the back quotes around it, if it has them.</summary>
    public static string Unquote(string cell) => BackQuoted().Match(cell) is { Success: true } m ? m.Groups[1].Value : cell;

    private static string[] Cells(string line) => line.Trim()[1..^1].Split('|').Select(c => c.Trim()).ToArray();

    [GeneratedRegex("^`(.*)`$")]
    private static partial Regex BackQuoted();
}
