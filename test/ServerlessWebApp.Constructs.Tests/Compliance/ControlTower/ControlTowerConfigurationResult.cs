using System.Text.Json.Serialization;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// What became of each Control Tower control that applies to one template (the template holds a resource of a type the
/// control evaluates): passed, failed, or not applicable (cfn-guard skipped it: its own conditions select none of the
/// template's resources). Control ids, e.g. <c>CT.SQS.PR.1</c>.
/// </summary>
public sealed record ControlTowerConfigurationResult(
    [property: JsonPropertyName("configuration")] string Configuration,
    [property: JsonPropertyName("template")] string Template,
    [property: JsonPropertyName("applicable")] IReadOnlyList<string> Applicable,
    [property: JsonPropertyName("passed")] IReadOnlyList<string> Passed,
    [property: JsonPropertyName("failed")] IReadOnlyList<string> Failed,
    [property: JsonPropertyName("notApplicable")] IReadOnlyList<string> NotApplicable);
