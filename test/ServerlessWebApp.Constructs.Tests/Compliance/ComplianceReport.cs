using System.Text.Json.Serialization;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>What the cdk-nag check found in one configuration's template.</summary>
public sealed record ComplianceReport(
    [property: JsonPropertyName("findings")] IReadOnlyList<ComplianceFinding> Findings,
    [property: JsonPropertyName("suppressed")] IReadOnlyList<ComplianceFinding> Suppressed)
{
    /// <summary>Where the checked template was written.</summary>
    [JsonIgnore]
    public string TemplatePath { get; init; } = "";
}
