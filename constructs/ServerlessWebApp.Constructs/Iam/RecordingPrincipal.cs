using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace ServerlessWebApp.Constructs.Iam;

/// <summary>
/// A principal that keeps the statements granted to it instead of writing them into an IAM policy. It claims the
/// stack's account, so CDK grants treat it as a same-account role and add nothing to resource policies.
/// </summary>
internal sealed class RecordingPrincipal : DeputyBase, IPrincipal
{
    private readonly Action<PolicyStatement> _record;
    private readonly string _label;

    public RecordingPrincipal(Stack stack, string label, Action<PolicyStatement> record)
    {
        _record = record;
        _label = label;
        PrincipalAccount = stack.Account;
    }

    public IPrincipal GrantPrincipal => this;

    public string AssumeRoleAction => "sts:AssumeRole";

    public string? PrincipalAccount { get; }

    public PrincipalPolicyFragment PolicyFragment => throw new InvalidOperationException(
        $"The supplied role of function '{_label}' cannot be named in a resource policy: the construct only records " +
        "the statements its role needs (artifacts/iam/*.required-permissions.json) and creates no IAM resources.");

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
