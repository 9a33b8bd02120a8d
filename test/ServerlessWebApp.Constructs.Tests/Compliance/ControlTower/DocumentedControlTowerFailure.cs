namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// One row of the Control Tower table in docs/security.md: a control that fails on resources of one type, the matrix
/// configurations where it fails, the prop that clears it and what that prop costs.
/// </summary>
public sealed record DocumentedControlTowerFailure(string Control, string ResourceType, IReadOnlyList<string> Configurations, string ClearedBy, string Cost)
{
    /// <summary>How the configurations cell says "all of the matrix".</summary>
    public const string EveryConfiguration = "every configuration";

    /// <summary>How the configurations cell starts when it names the configurations left out of the matrix.</summary>
    public const string EveryConfigurationExcept = "every configuration except ";

    public string Key => $"{Control} on {ResourceType}";

    public string ToMarkdownRow() =>
        $"| `{Control}` | `{ResourceType}` | {ConfigurationsCell(Configurations)} | {ClearedBy} | {Cost} |";

    /// <summary>The shortest of: every configuration, every configuration except a few, or the list.</summary>
    public static string ConfigurationsCell(IReadOnlyList<string> configurations)
    {
        var all = ComplianceConfigurations.All.Select(c => c.Name).ToList();
        var missing = all.Except(configurations, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return EveryConfiguration;
        return missing.Count <= 3 && missing.Count < configurations.Count
            ? EveryConfigurationExcept + string.Join(", ", missing)
            : string.Join(", ", configurations.Order(StringComparer.Ordinal));
    }

    /// <summary>Reads a configurations cell back: every configuration, every configuration except some, or a list.</summary>
    public static IReadOnlyList<string> ConfigurationsIn(string cell)
    {
        var all = ComplianceConfigurations.All.Select(c => c.Name);
        IEnumerable<string> names = cell == EveryConfiguration
            ? all
            : cell.StartsWith(EveryConfigurationExcept, StringComparison.Ordinal)
                ? all.Except(Split(cell[EveryConfigurationExcept.Length..]), StringComparer.Ordinal)
                : Split(cell);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
