using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Serverless.WebApp.Constructs.Compliance;

/// <summary>
/// Fails synthesis on any IAM statement that allows every action (<c>*</c>) or every action of a service
/// (<c>s3:*</c>), in <c>AWS::IAM::Policy</c>, inline role policies and customer managed policies.
/// Apply it to a whole app: <c>Aspects.Of(app).Add(new NoWildcardActionsAspect());</c>.
/// </summary>
/// <remarks>
/// Each offending statement becomes an error annotation on the policy or role, naming it and the statement;
/// <c>cdk synth</c> and <c>cdk deploy</c> stop on error annotations. Policy documents are inspected after token
/// resolution, so statements added through grants are seen. An <c>Allow</c> with <c>NotAction</c> grants every
/// action but the listed ones and is rejected too. Action families such as <c>s3:Get*</c> are bounded by their
/// prefix and are accepted unless <see cref="RejectPartialWildcards"/> is set. Trust policies are not inspected.
/// </remarks>
public sealed class NoWildcardActionsAspect : DeputyBase, IAspect
{
    /// <summary>Also reject action families with a wildcard after the service prefix, such as <c>s3:Get*</c>. Default: false.</summary>
    public bool RejectPartialWildcards { get; init; }

    /// <summary>Called by CDK for every construct of the tree the aspect is added to; inspects IAM policies and roles.</summary>
    public void Visit(IConstruct node)
    {
        switch (node)
        {
            case CfnPolicy policy:
                Inspect(policy, $"policy {policy.Node.Path}", policy.PolicyDocument);
                break;
            case CfnManagedPolicy managed:
                Inspect(managed, $"managed policy {managed.Node.Path}", managed.PolicyDocument);
                break;
            case CfnRole role:
                foreach (var inline in ResolveToJson(role, role.Policies) is { ValueKind: JsonValueKind.Array } policies
                             ? policies.EnumerateArray().ToArray()
                             : [])
                {
                    // The L1 property resolves to the struct's own (camelCase) names; an override may use CloudFormation's.
                    var name = Property(inline, "policyName", "PolicyName")?.ToString() ?? "(unnamed)";
                    if (Property(inline, "policyDocument", "PolicyDocument") is { } document)
                        Report(role, $"inline policy '{name}' of role {role.Node.Path}", document);
                }
                break;
        }
    }

    private void Inspect(CfnResource resource, string owner, object? document)
    {
        var resolved = ResolveToJson(resource, document);
        if (resolved is { } json) Report(resource, owner, json);
    }

    private void Report(CfnResource resource, string owner, JsonElement document)
    {
        if (!document.TryGetProperty("Statement", out var statements)) return;
        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToArray() : [statements];
        for (var i = 0; i < list.Length; i++)
        {
            var problem = WildcardActionRule.Check(list[i], RejectPartialWildcards);
            if (problem is null) continue;
            var name = list[i].TryGetProperty("Sid", out var sid) ? $"statement '{sid}'" : $"statement #{i + 1}";
            Annotations.Of(resource).AddError(
                $"NoWildcardActions: {owner}, {name} {problem}. Name the exact actions the role needs. Statement: {list[i].GetRawText()}");
        }
    }

    private static JsonElement? Property(JsonElement value, params string[] names)
    {
        foreach (var name in names)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var found)) return found;
        }
        return null;
    }

    private static JsonElement? ResolveToJson(CfnResource resource, object? value)
    {
        if (value is null) return null;
        var resolved = Stack.Of(resource).Resolve(value);
        return resolved is null ? null : JsonSerializer.SerializeToElement(resolved);
    }
}
