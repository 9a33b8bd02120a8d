using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Audits every cdk-nag suppression in the matrix templates against the allow-list in docs/security.md: each is on one
/// resource, carries a reason, narrows IAM findings, and is a documented choice listed with the configurations it
/// applies to. A suppression the docs do not list, or a row no template needs any more, fails.
/// </summary>
[Collection("cdk")]
public partial class SuppressionAuditTests
{
    private const int MinimumReasonLength = 40;
    private static readonly string[] RulesThatReportFindings = ["AwsSolutions-IAM4", "AwsSolutions-IAM5"];

    private static ComplianceMatrix Matrix => ComplianceMatrix.Instance;

    /// <summary>Every suppression that silenced a finding in the matrix, grouped as the docs table lists them.</summary>
    private static IReadOnlyList<DocumentedSuppression> Applied() =>
        Matrix.Results
            .SelectMany(r => r.Value.Report.Suppressed.Select(s => (Configuration: r.Key, Result: r.Value, Suppressed: s)))
            .GroupBy(x => (Rule: Normalize(x.Result, x.Suppressed.Rule), Type: x.Result.TypeOf(x.Suppressed.Resource) ?? "?", Reason: ReasonOf(x.Suppressed)))
            .Select(g => new DocumentedSuppression(g.Key.Rule, g.Key.Type, g.Select(x => x.Configuration).Distinct().Order(StringComparer.Ordinal).ToList(), g.Key.Reason))
            .OrderBy(s => s.Rule, StringComparer.Ordinal).ThenBy(s => s.ResourceType, StringComparer.Ordinal).ThenBy(s => s.Reason, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void EverySuppressionIsOnOneResourceOfTheTemplateWithAReason()
    {
        foreach (var (configuration, result) in Matrix.Results)
        {
            foreach (var suppressed in result.Report.Suppressed)
            {
                Assert.True(result.TypeOf(suppressed.Resource) is not null, $"{configuration}: {suppressed.Rule} is suppressed on '{suppressed.Resource}', which is not a resource of the template");
                Assert.True(ReasonOf(suppressed).Length >= MinimumReasonLength, $"{configuration}: {suppressed.Rule} on {suppressed.Resource} has a reason too short to say why: '{suppressed.Reason}'");
            }
        }
    }

    [Fact]
    public void SuppressedIamFindingsAreResourceStarOrOwnBucketObjectsOrNamedAwsPolicies()
    {
        // GIVEN every suppressed IAM finding THEN it names exactly what is accepted: Resource '*' (X-Ray, ENIs), the
        // objects of a bucket of the template or of the CDK asset bucket, or one AWS managed policy of a CDK helper role
        var allowed = new Regex(@"^AwsSolutions-IAM5\[Resource::(\*|<AWS::S3::Bucket\.Arn>/\*|arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-(<AWS::AccountId>|[0-9]{12})-(<AWS::Region>|[a-z]{2}(-[a-z]+)+-[0-9])/\*)\]$" +
                                @"|^AwsSolutions-IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/(AWSLambdaBasicExecutionRole|AWSLambdaVPCAccessExecutionRole|AmazonAPIGatewayPushToCloudWatchLogs)\]$");
        foreach (var suppression in Applied().Where(s => RulesThatReportFindings.Contains(s.RuleId)))
            Assert.True(allowed.IsMatch(suppression.Rule), $"IAM finding {suppression.Rule} on {suppression.ResourceType} ({string.Join(", ", suppression.Configurations)}) is not one of the accepted kinds");
    }

    [Fact]
    public void EveryAppliedSuppressionIsInTheDocumentedAllowListWithItsConfigurations()
    {
        // GIVEN the suppressions the templates applied and the table in docs/security.md
        var applied = Applied();
        var documented = SuppressionAllowList.Load();

        // THEN they are the same rows: same rule and finding, resource type, reason and configurations
        var expected = string.Join("\n", applied.Select(s => s.ToMarkdownRow()));
        var hint = $"\nThe table the templates need (check each row is a deliberate, documented choice before copying it into {SuppressionAllowList.DocumentPath}):\n" +
                   $"{SuppressionAllowList.TableHeader}\n| --- | --- | --- | --- |\n{expected}";
        foreach (var suppression in applied)
        {
            var row = documented.FirstOrDefault(d => d.Key == suppression.Key);
            Assert.True(row is not null, $"Undocumented suppression: {suppression.Key} in {string.Join(", ", suppression.Configurations)}.{hint}");
            Assert.True(row.Configurations.SequenceEqual(suppression.Configurations),
                $"{suppression.Key}: docs list configurations [{string.Join(", ", row.Configurations)}], the templates [{string.Join(", ", suppression.Configurations)}].{hint}");
        }
        foreach (var row in documented)
            Assert.True(applied.Any(s => s.Key == row.Key), $"docs/security.md lists a suppression no configuration applies any more: {row.Key}.{hint}");
    }

    [Fact]
    public void EverySuppressionEntryInTheTemplatesIsNarrowAndDocumented()
    {
        // GIVEN every rules_to_suppress entry written into any matrix template (also those that silenced nothing here)
        var documented = SuppressionAllowList.Load();
        foreach (var (configuration, result) in Matrix.Results)
        {
            Assert.False(result.Template.TryGetProperty("Metadata", out var metadata) && metadata.TryGetProperty("cdk_nag", out _),
                $"{configuration}: template-level cdk_nag metadata would suppress rules stack-wide");
            foreach (var (id, resource) in result.Resources)
            {
                foreach (var entry in Entries(resource))
                {
                    var rule = entry.GetProperty("id").GetString()!;
                    var reason = entry.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
                    var type = resource.GetProperty("Type").GetString()!;

                    // THEN it has a reason, IAM rules are narrowed to findings, and the docs list it for that resource type
                    Assert.True(reason.Length >= MinimumReasonLength, $"{configuration}: {rule} on {id} has no real reason: '{reason}'");
                    Assert.True(!RulesThatReportFindings.Contains(rule) || entry.TryGetProperty("applies_to", out _),
                        $"{configuration}: {rule} on {id} suppresses the whole rule; narrow it to its findings with applies_to");
                    Assert.True(documented.Any(d => d.RuleId == rule && d.ResourceType == type && d.Reason == reason),
                        $"{configuration}: {rule} on {id} ({type}) with reason '{reason}' is not in the suppressions table of docs/security.md");
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Entries(JsonElement resource) =>
        resource.TryGetProperty("Metadata", out var metadata)
        && metadata.TryGetProperty("cdk_nag", out var nag)
        && nag.TryGetProperty("rules_to_suppress", out var rules)
            ? rules.EnumerateArray()
            : [];

    /// <summary>Writes the logical ids in a finding as their resource types, so one row covers every configuration.</summary>
    private static string Normalize(ComplianceMatrix.Result result, string rule) =>
        LogicalIdArn().Replace(rule, m => result.TypeOf(m.Groups[1].Value) is { } type ? $"<{type}.Arn>" : m.Value);

    /// <summary>The reason as written on the resource: cdk-nag prefixes a granular suppression's reason with its finding.</summary>
    private static string ReasonOf(ComplianceFinding suppressed)
    {
        var reason = suppressed.Reason ?? "";
        var bracket = suppressed.Rule.IndexOf('[');
        var prefix = bracket < 0 ? null : $"{suppressed.Rule[bracket..]} ";
        return prefix is not null && reason.StartsWith(prefix, StringComparison.Ordinal) ? reason[prefix.Length..] : reason;
    }

    [GeneratedRegex(@"<([A-Za-z0-9]+)\.Arn>")]
    private static partial Regex LogicalIdArn();
}
