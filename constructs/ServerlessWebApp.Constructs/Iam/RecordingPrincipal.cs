using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// A principal that keeps the statements granted to it instead of writing them into an IAM policy. It claims the
/// stack's account, so CDK grants treat it as a same-account role and add nothing to resource policies.
/// </summary>
internal sealed class RecordingPrincipal : DeputyBase, IPrincipal
{
    private readonly Action<PolicyStatement> _record;
    private readonly string _label;
    private readonly IRole? _suppliedRole;

    public RecordingPrincipal(Stack stack, string label, IRole? suppliedRole, Action<PolicyStatement> record)
    {
        _record = record;
        _label = label;
        _suppliedRole = suppliedRole;
        PrincipalAccount = suppliedRole?.PrincipalAccount ?? stack.Account;
    }

    public IPrincipal GrantPrincipal => this;

    public string AssumeRoleAction => "sts:AssumeRole";

    public string? PrincipalAccount { get; }

    /// <summary>
    /// CDK asks for it when a grant may also go to a resource policy (a resource it cannot prove is in the same
    /// account, e.g. a secret imported by ARN): that names the supplied role, which must then be known.
    /// </summary>
    public PrincipalPolicyFragment PolicyFragment => _suppliedRole?.PolicyFragment ?? throw new InvalidOperationException(
        $"A grant to function '{_label}' needs the supplied role's ARN for a resource policy (the resource may be in " +
        "another account): pass the supplied role to RequiredPermissionsRecorder.");

    public IAddToPrincipalPolicyResult AddToPrincipalPolicy(PolicyStatement statement)
    {
        _record(statement);
        return new AddToPrincipalPolicyResult { StatementAdded = true, PolicyDependable = new DependencyGroup() };
    }

    public bool AddToPolicy(PolicyStatement statement)
    {
        _record(statement);
        return true;
    }
}
