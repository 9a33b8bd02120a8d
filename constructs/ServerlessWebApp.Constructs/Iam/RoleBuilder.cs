using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>Creates one least-privilege role per function, or adopts a supplied role without ever modifying it.</summary>
internal static class RoleBuilder
{
    public const string LambdaServicePrincipal = "lambda.amazonaws.com";

    /// <summary>The role a function runs with. Its policies are added by <see cref="FunctionPermissions"/>; none are managed policies.</summary>
    public static FunctionIdentity ForFunction(Construct scope, string id, string functionLabel, IRole? suppliedRole, string description) =>
        ForService(scope, id, functionLabel, suppliedRole, description, LambdaServicePrincipal);

    /// <summary>
    /// The role an AWS service assumes for the app (a function's, CodeDeploy's): created with no policy, trusted by
    /// <paramref name="servicePrincipal"/> only, or the supplied role adopted without ever modifying it, its needs recorded.
    /// </summary>
    public static FunctionIdentity ForService(Construct scope, string id, string label, IRole? suppliedRole, string description, string servicePrincipal)
    {
        if (suppliedRole is not null)
        {
            var adopted = Adopt(scope, id, suppliedRole);
            return new FunctionIdentity(adopted, GranteeForSuppliedRole(scope, $"{id}RequiredPermissions", label, adopted), null);
        }

        var role = new Role(scope, id, new RoleProps
        {
            AssumedBy = new ServicePrincipal(servicePrincipal),
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
