using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Makes every role created under a scope follow the organisation's rules: a permissions boundary, a role path
/// and a role-name prefix. Applied as Aspects, so roles created by CDK sub-constructs (REST API logging role,
/// BucketDeployment helper) are covered too.
/// </summary>
internal static class OrganisationRolePolicy
{
    public static void Apply(IConstruct scope, ServerlessWebAppProps props)
    {
        if (props.PermissionsBoundary is not null) Amazon.CDK.AWS.IAM.PermissionsBoundary.Of(scope).Apply(props.PermissionsBoundary);
        if (props.RolePath is not null || props.RoleNamePrefix is not null)
        {
            Aspects.Of(scope).Add(new RoleNaming(props.RolePath, props.RoleNamePrefix));
        }
    }

    /// <summary>Sets path and prefixed, unique name on each <c>AWS::IAM::Role</c> that has none.</summary>
    private sealed class RoleNaming : DeputyBase, IAspect
    {
        private const int MaxRoleNameLength = 64;
        private readonly string? _path;
        private readonly string? _prefix;

        public RoleNaming(string? path, string? prefix)
        {
            _path = path;
            _prefix = prefix;
        }

        public void Visit(IConstruct node)
        {
            if (node is not CfnRole role) return;
            if (_path is not null && role.Path is null) role.Path = _path;
            // An L2 Role's name is a lazy token that resolves to nothing unless a name was given.
            if (_prefix is not null && (role.RoleName is null || Stack.Of(role).Resolve(role.RoleName) is null))
            {
                role.RoleName = _prefix + Names.UniqueResourceName(role, new UniqueResourceNameOptions
                {
                    MaxLength = MaxRoleNameLength - _prefix.Length,
                    Separator = "-",
                });
            }
        }
    }
}
