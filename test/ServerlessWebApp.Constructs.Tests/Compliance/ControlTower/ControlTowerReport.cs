using System.Text.Json.Serialization;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>The Control Tower check of one or more templates (test/compliance/controltower.js <c>--json</c>).</summary>
public sealed record ControlTowerReport(
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("guardVersion")] string GuardVersion,
    [property: JsonPropertyName("controls")] int Controls,
    [property: JsonPropertyName("configurations")] IReadOnlyList<ControlTowerConfigurationResult> Configurations,
    [property: JsonPropertyName("failures")] IReadOnlyList<ControlTowerFailure> Failures)
{
    public ControlTowerConfigurationResult this[string configuration] =>
        Configurations.Single(c => c.Configuration == configuration);

    public IEnumerable<ControlTowerFailure> FailuresOf(string configuration) =>
        Failures.Where(f => f.Configuration == configuration);

    /// <summary>One report of the runs over disjoint sets of templates.</summary>
    public static ControlTowerReport Merge(IReadOnlyList<ControlTowerReport> reports) => reports.Count == 0
        ? throw new InvalidOperationException("No template was checked.")
        : new ControlTowerReport(
            reports[0].Package,
            reports[0].GuardVersion,
            reports[0].Controls,
            reports.SelectMany(r => r.Configurations).ToList(),
            reports.SelectMany(r => r.Failures).ToList());
}
