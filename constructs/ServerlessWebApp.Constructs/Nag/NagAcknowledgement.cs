using Amazon.CDK;
using Constructs;

namespace Serverless.WebApp.Constructs.Nag;

/// <summary>
/// Collects cdk-nag rule acknowledgements, with their reasons, per resource, and writes each resource's in ONE metadata
/// update in the format cdk-nag reads (<c>Metadata.cdk_nag.rules_to_suppress</c>), keeping acknowledgements already there.
/// Collecting in C# rather than reading and rewriting the metadata per rule saves two jsii round trips per acknowledgement.
/// Only resources shared with code outside the construct (<see cref="AddShared"/>) have their existing metadata read
/// back: a resource the construct itself just created in its own subtree carries no cdk_nag metadata yet.
/// </summary>
internal sealed class NagAcknowledgement
{
    private const string MetadataKey = "cdk_nag";

    private readonly Dictionary<IConstruct, CfnResource> resources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<CfnResource, List<Dictionary<string, object>>> pending = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<CfnResource> shared = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Acknowledges a finding on a resource created by the construct in its own subtree, where nothing else has
    /// written cdk_nag metadata: <see cref="Write"/> sets the metadata without reading it first.
    /// </summary>
    /// <param name="target">A CfnResource, or an L2 whose default child is one.</param>
    /// <param name="ruleId">E.g. <c>AwsSolutions-IAM5</c>.</param>
    /// <param name="reason">Why the finding is a deliberate choice or cannot apply.</param>
    /// <param name="appliesTo">Limits it to these findings (e.g. <c>Resource::*</c>); none means the whole rule.</param>
    public void Add(IConstruct target, string ruleId, string reason, params object[] appliesTo)
    {
        var resource = ResourceOf(target, ruleId);
        if (!pending.TryGetValue(resource, out var rules)) pending[resource] = rules = [];
        var rule = new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = reason };
        if (appliesTo.Length > 0) rule["applies_to"] = appliesTo;
        rules.Add(rule);
    }

    /// <summary>
    /// Acknowledges a finding on a resource shared with code outside the construct (CDK's per-stack singletons, which
    /// another instance of the construct may already have acknowledged): <see cref="Write"/> keeps what is there.
    /// </summary>
    public void AddShared(IConstruct target, string ruleId, string reason, params object[] appliesTo)
    {
        Add(target, ruleId, reason, appliesTo);
        shared.Add(ResourceOf(target, ruleId));
    }

    /// <summary>Writes the collected acknowledgements, one metadata update per resource.</summary>
    public void Write()
    {
        foreach (var (resource, added) in pending)
        {
            var rules = new List<object>();
            if (shared.Contains(resource)
                && resource.GetMetadata(MetadataKey) is IDictionary<string, object> existing
                && existing.TryGetValue("rules_to_suppress", out var previous) && previous is IEnumerable<object> previousRules)
            {
                rules.AddRange(previousRules);
            }
            var changed = false;
            foreach (var rule in added)
            {
                // Shared resources (CDK's singleton helpers) are acknowledged once per construct instance: keep one entry.
                if (rules.OfType<IDictionary<string, object>>().Any(r => Equals(r["id"], rule["id"]) && Equals(r["reason"], rule["reason"]))) continue;
                rules.Add(rule);
                changed = true;
            }
            if (changed) resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
        }
        pending.Clear();
        shared.Clear();
    }

    /// <summary>An <c>applies_to</c> entry matching findings by regular expression.</summary>
    public static object Regex(string pattern) => new Dictionary<string, object> { ["regex"] = pattern };

    private CfnResource ResourceOf(IConstruct target, string ruleId)
    {
        if (target is CfnResource cfn) return cfn;
        if (resources.TryGetValue(target, out var known)) return known;
        var node = target.Node;
        var resource = node.DefaultChild as CfnResource
            ?? throw new InvalidOperationException($"{node.Path} has no CloudFormation resource to acknowledge {ruleId} on.");
        resources[target] = resource;
        return resource;
    }
}
