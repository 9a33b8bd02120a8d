using Amazon.CDK;
using Constructs;

namespace Serverless.WebApp.Constructs.Nag;

/// <summary>
/// The one writer of cdk-nag metadata in this library. Collects rule acknowledgements (suppressions, each with its
/// reason) per resource and writes each resource's in ONE metadata update in the format cdk-nag reads
/// (<c>Metadata.cdk_nag.rules_to_suppress</c>, as <c>NagSuppressions.addResourceSuppressions</c> writes it), merged
/// with acknowledgements already there and without duplicates. Only on the one resource a finding concerns, only for a
/// deliberate, documented choice or a rule that cannot apply (docs/security.md lists them), never stack-wide.
/// Collecting in C# rather than reading and rewriting the metadata per rule saves two jsii round trips per acknowledgement.
/// Only resources shared with code outside the construct (<see cref="AddShared"/>) have their existing metadata read
/// back: a resource the construct itself just created in its own subtree carries no cdk_nag metadata yet.
/// </summary>
internal sealed class NagAcknowledgement
{
    private const string MetadataKey = "cdk_nag";
    private const int MinimumReasonLength = 10;

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
    /// <exception cref="ArgumentException">The rule id holds a finding (those go in <paramref name="appliesTo"/>) or the reason says too little.</exception>
    public void Add(IConstruct target, string ruleId, string reason, params object[] appliesTo)
    {
        if (string.IsNullOrWhiteSpace(ruleId) || ruleId.Contains('['))
            throw new ArgumentException($"ruleId must be a rule name such as 'AwsSolutions-IAM5' (findings go in appliesTo), got '{ruleId}'.", nameof(ruleId));
        var resource = ResourceOf(target, ruleId);
        if (reason is null || reason.Trim().Length < MinimumReasonLength)
            throw new ArgumentException($"reason for acknowledging {ruleId} on {resource.Node.Path} must say why, in at least {MinimumReasonLength} characters.", nameof(reason));
        if (!pending.TryGetValue(resource, out var rules)) pending[resource] = rules = [];
        var rule = new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = reason.Trim() };
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

    /// <summary>
    /// Acknowledges one finding on a resource that may already carry acknowledgements (a resource the caller did not
    /// just create itself) and writes it at once, merged with what is there.
    /// </summary>
    public static void AddTo(IConstruct target, string ruleId, string reason, params object[] appliesTo)
    {
        var nag = new NagAcknowledgement();
        nag.AddShared(target, ruleId, reason, appliesTo);
        nag.Write();
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
                // A shared resource (CDK's singleton helpers, a supplied queue) may be acknowledged more than once: keep one entry.
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
