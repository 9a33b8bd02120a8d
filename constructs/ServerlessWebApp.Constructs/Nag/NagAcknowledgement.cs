using Amazon.CDK;
using Constructs;

namespace ServerlessWebApp.Constructs.Nag;

/// <summary>
/// Writes a cdk-nag rule acknowledgement on ONE resource, with its reason, in the metadata format cdk-nag reads
/// (<c>Metadata.cdk_nag.rules_to_suppress</c>), keeping acknowledgements already there.
/// </summary>
internal static class NagAcknowledgement
{
    private const string MetadataKey = "cdk_nag";

    /// <param name="target">A CfnResource, or an L2 whose default child is one.</param>
    /// <param name="ruleId">E.g. <c>AwsSolutions-IAM5</c>.</param>
    /// <param name="reason">Why the finding is a deliberate choice or cannot apply.</param>
    /// <param name="appliesTo">Limits it to these findings (e.g. <c>Resource::*</c>); none means the whole rule.</param>
    public static void Add(IConstruct target, string ruleId, string reason, params object[] appliesTo)
    {
        var resource = target as CfnResource ?? target.Node.DefaultChild as CfnResource
            ?? throw new InvalidOperationException($"{target.Node.Path} has no CloudFormation resource to acknowledge {ruleId} on.");
        var rules = new List<object>();
        if (resource.GetMetadata(MetadataKey) is IDictionary<string, object> existing
            && existing.TryGetValue("rules_to_suppress", out var previous) && previous is IEnumerable<object> previousRules)
        {
            rules.AddRange(previousRules);
        }
        // Shared resources (CDK's singleton helpers) are acknowledged once per construct instance: keep one entry.
        if (rules.OfType<IDictionary<string, object>>().Any(r => Equals(r["id"], ruleId) && Equals(r["reason"], reason))) return;
        var rule = new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = reason };
        if (appliesTo.Length > 0) rule["applies_to"] = appliesTo;
        rules.Add(rule);
        resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
    }

    /// <summary>An <c>applies_to</c> entry matching findings by regular expression.</summary>
    public static object Regex(string pattern) => new Dictionary<string, object> { ["regex"] = pattern };
}
