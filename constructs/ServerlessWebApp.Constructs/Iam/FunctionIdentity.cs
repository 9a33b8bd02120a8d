using Amazon.CDK.AWS.IAM;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// The role a function runs with and the ONE place its permissions are granted to.
/// </summary>
/// <param name="Role">The execution role handed to the function (the created role, or an immutable view of the supplied one).</param>
/// <param name="PermissionsTarget">
/// Every grant the function needs goes here: the created role, or — when the role is supplied — a grantee that
/// records the statements instead of creating IAM policies.
/// </param>
/// <param name="CreatedRole">The role created by the construct, or null when it was supplied.</param>
internal sealed record FunctionIdentity(IRole Role, IGrantable PermissionsTarget, Role? CreatedRole)
{
    /// <summary>The default policy of <see cref="CreatedRole"/>, written several statements at a time; null for a supplied role.</summary>
    public RoleDefaultPolicy? CreatedRolePolicy { get; } = CreatedRole is null ? null : new RoleDefaultPolicy(CreatedRole);

    /// <summary>Grants the function these statements, in this order.</summary>
    public void Grant(params PolicyStatement[] statements)
    {
        if (CreatedRolePolicy is not null) CreatedRolePolicy.Add(statements);
        else FunctionPermissions.Grant(PermissionsTarget, statements);
    }
}
