using System.Text.Json.Serialization;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>One cdk-nag result as test/compliance/nag.js reports it (<c>--json</c>).</summary>
public sealed record ComplianceFinding(
    [property: JsonPropertyName("configuration")] string Configuration,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("reason")] string? Reason = null)
{
    /// <summary>The rule without its finding, e.g. <c>AwsSolutions-IAM5</c> for <c>AwsSolutions-IAM5[Resource::*]</c>.</summary>
    public string RuleId => Rule.Split('[')[0];

    public override string ToString() =>
        $"{Configuration} {Rule} {Resource}{(string.IsNullOrEmpty(Path) ? "" : $" ({Path})")} {Level}: {Message}" +
        (Reason is null ? "" : $" — suppressed: {Reason}");
}
