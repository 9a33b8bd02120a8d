namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// One row of the suppressions table in docs/security.md, which is the allow-list of the compliance gate: the rule and
/// finding (logical ids in a finding written as the resource type, e.g. <c>&lt;AWS::S3::Bucket.Arn&gt;/*</c>), the type of
/// the resource it is on, the configurations of the matrix where it applies, and the reason, verbatim.
/// </summary>
public sealed record DocumentedSuppression(string Rule, string ResourceType, IReadOnlyList<string> Configurations, string Reason)
{
    /// <summary>The rule without its finding, e.g. <c>AwsSolutions-IAM5</c>.</summary>
    public string RuleId => Rule.Split('[')[0];

    public string Key => $"{Rule} on {ResourceType}: {Reason}";

    /// <summary>How the configurations cell says "all of the matrix".</summary>
    public const string EveryConfiguration = "every configuration";

    public string ToMarkdownRow() =>
        $"| `{Rule}` | `{ResourceType}` | {ConfigurationsCell()} | {Reason} |";

    private string ConfigurationsCell() =>
        Configurations.Order(StringComparer.Ordinal).SequenceEqual(ComplianceConfigurations.All.Select(c => c.Name).Order(StringComparer.Ordinal))
            ? EveryConfiguration
            : string.Join(", ", Configurations);
}
