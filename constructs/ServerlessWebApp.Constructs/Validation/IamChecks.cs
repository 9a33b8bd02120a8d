using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.Assets;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>IAM: the supplied <c>Role</c> and what it rules out, <c>RolePath</c> and <c>RoleNamePrefix</c>.</summary>
internal static partial class IamChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.RolePath is { } path && !RolePath().IsMatch(path))
            findings.Error(nameof(props.RolePath), $"'{path}' is invalid; allowed: '/' or '/segment/.../' of printable ASCII, at most 512 characters");
        if (props.RoleNamePrefix is { } prefix && !RoleNamePrefix().IsMatch(prefix))
            findings.Error(nameof(props.RoleNamePrefix), $"'{prefix}' is invalid; allowed: 1 to 32 letters, digits and +=,.@_-");

        if (props.Role is null) return;
        const string why = "is set but Role is supplied, so the construct creates no role it could apply to";
        if (props.RolePath is not null) findings.Error(nameof(props.RolePath), $"{why}; allowed: RolePath without Role");
        if (props.RoleNamePrefix is not null) findings.Error(nameof(props.RoleNamePrefix), $"{why}; allowed: RoleNamePrefix without Role");
        if (props.PermissionsBoundary is not null) findings.Error(nameof(props.PermissionsBoundary), $"{why}; allowed: PermissionsBoundary without Role (attach the boundary to the supplied role yourself)");
        if (props.RestApiCloudWatchRole == true)
            findings.Error(nameof(props.RestApiCloudWatchRole), "is true but Role is supplied and no role may be created; allowed: false (configure API Gateway's account CloudWatch role outside this stack)");
        if (AssetsDefaults.StaticAssetsPath(props) is not null && props.AssetDeploymentRole is null)
            findings.Error(nameof(props.AssetDeploymentRole),
                "is required: static assets are deployed by a helper function that needs a role, and with Role supplied none may be created; allowed: a supplied AssetDeploymentRole, or DeployStaticAssets = false");
    }

    [GeneratedRegex("^(/|/[\\x21-\\x7E]{1,510}/)$")]
    private static partial Regex RolePath();

    [GeneratedRegex("^[A-Za-z0-9+=,.@_-]{1,32}$")]
    private static partial Regex RoleNamePrefix();
}
