using Amazon.CDK.AWS.IAM;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Adds statements to the default policy of a role the construct created, any number in one jsii call.
/// </summary>
/// <remarks>
/// <c>Role.AddToPrincipalPolicy</c> takes one statement per round trip to jsii's Node process (about a millisecond)
/// and appends it to the role's <c>DefaultPolicy</c>; <see cref="Policy.AddStatements"/> on that same policy appends
/// them all at once, so the rendered policy is identical. The policy is looked up once and remembered.
/// </remarks>
internal sealed class RoleDefaultPolicy(Role role)
{
    private const string DefaultPolicyId = "DefaultPolicy";

    private Policy? policy;

    /// <summary>The role's default policy, once a statement was added (CDK's Function adds its own at creation); else null.</summary>
    public Policy? Policy => policy ??= role.Node.TryFindChild(DefaultPolicyId) as Policy;

    /// <summary>Appends the statements, in this order.</summary>
    public void Add(IReadOnlyList<PolicyStatement> statements)
    {
        var added = 0;
        if (statements.Count > 0 && Policy is null) role.AddToPrincipalPolicy(statements[added++]); // lets the role create its default policy
        if (added == statements.Count) return;
        var remaining = statements.Skip(added).ToArray();
        if (Policy is { } defaultPolicy) defaultPolicy.AddStatements(remaining);
        else foreach (var statement in remaining) role.AddToPrincipalPolicy(statement); // a role kept elsewhere (Role.customizeRoles)
    }
}
