using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>Creates one least-privilege role per function, or adopts a supplied role without ever modifying it.</summary>
internal static class RoleBuilder
{
    public const string LambdaServicePrincipal = "lambda.amazonaws.com";

    /// <summary>The role a function runs with. Its policies are added by <see cref="FunctionPermissions"/>; none are managed policies.</summary>
    public static FunctionIdentity ForFunction(Construct scope, string id, string functionLabel, IRole? suppliedRole, string description)
    {
        if (suppliedRole is not null)
        {
            var adopted = Adopt(scope, id, suppliedRole);
            return new FunctionIdentity(adopted, GranteeForSuppliedRole(scope, $"{id}RequiredPermissions", functionLabel, adopted), null);
        }

        var role = new Role(scope, id, new RoleProps
        {
            AssumedBy = new ServicePrincipal(LambdaServicePrincipal),
            Description = description,
        });
        return new FunctionIdentity(role, role, role);
    }

    /// <summary>An immutable view of a supplied role: grants through it create no IAM policy and never change the role.</summary>
    public static IRole Adopt(Construct scope, string id, IRole suppliedRole) =>
        Role.FromRoleArn(scope, id, suppliedRole.RoleArn, new FromRoleArnOptions { Mutable = false });

    /// <summary>
    /// Where grants for a supplied role go: a <see cref="RequiredPermissionsRecorder"/> that records each statement
    /// for the required-permissions report instead of attaching a policy, so no IAM resource is created. All recorders
    /// created with the same <paramref name="scope"/> (the ServerlessWebApp) share one report file,
    /// <c>artifacts/iam/&lt;stack&gt;-&lt;construct path&gt;.required-permissions.json</c>.
    /// </summary>
    /// <param name="scope">The ServerlessWebApp the role serves; its path names the report.</param>
    /// <param name="id">A construct id free in <paramref name="scope"/>.</param>
    /// <param name="functionLabel">What the role is for in the report: "web", "worker", "scheduler", "static-assets-deployment".</param>
    /// <param name="adoptedRole">The immutable view of the supplied role.</param>
    public static IGrantable GranteeForSuppliedRole(Construct scope, string id, string functionLabel, IRole adoptedRole) =>
        new RequiredPermissionsRecorder(scope, id, functionLabel, suppliedRole: adoptedRole).Grantee;
}
