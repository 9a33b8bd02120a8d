using Amazon.CDK;
using Constructs;

namespace Serverless.WebApp.Constructs.Compliance;

/// <summary>
/// Suppresses one cdk-nag rule on one resource, with a written reason, in the form cdk-nag reads
/// (<c>Metadata.cdk_nag.rules_to_suppress</c> on the resource, as <c>NagSuppressions.addResourceSuppressions</c> writes).
/// Only for findings that are a deliberate, documented choice (docs/security.md lists them); never stack-wide.
/// </summary>
public static class NagSuppression
{
    private const string MetadataKey = "cdk_nag";
    private const int MinimumReasonLength = 10;

    /// <summary>Adds a suppression of <paramref name="ruleId"/> to <paramref name="target"/> (a CfnResource or an L2 whose default child is one).</summary>
    /// <param name="target">The resource the finding is on.</param>
    /// <param name="ruleId">The rule, e.g. <c>AwsSolutions-IAM5</c>; findings go in <paramref name="appliesTo"/>, not in the id.</param>
    /// <param name="reason">Why the finding is accepted; at least 10 characters.</param>
    /// <param name="appliesTo">Limits the suppression to these findings (e.g. <c>Resource::*</c>); none means the whole rule.</param>
    public static void Add(IConstruct target, string ruleId, string reason, params string[] appliesTo)
    {
        var resource = target as CfnResource ?? target.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException($"{target.Node.Path} is not a CloudFormation resource and has no default CfnResource child.", nameof(target));
        if (string.IsNullOrWhiteSpace(ruleId) || ruleId.Contains('['))
            throw new ArgumentException($"ruleId must be a rule name such as 'AwsSolutions-IAM5' (findings go in appliesTo), got '{ruleId}'.", nameof(ruleId));
        if (reason is null || reason.Trim().Length < MinimumReasonLength)
            throw new ArgumentException($"reason for suppressing {ruleId} on {resource.Node.Path} must say why, in at least {MinimumReasonLength} characters.", nameof(reason));

        var rules = new List<object>();
        if (resource.GetMetadata(MetadataKey) is IDictionary<string, object> existing
            && existing.TryGetValue("rules_to_suppress", out var previous) && previous is IEnumerable<object> previousRules)
        {
            rules.AddRange(previousRules);
        }
        var rule = new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = reason.Trim() };
        if (appliesTo.Length > 0) rule["applies_to"] = appliesTo;
        rules.Add(rule);
        resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
    }
}
