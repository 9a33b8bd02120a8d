using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace Serverless.WebApp.Constructs.Functions;

/// <summary>
/// Names the stack's account as <c>SourceAccount</c> on every Lambda permission the construct grants to an AWS
/// service, when the stack is bound to an account.
/// </summary>
/// <remarks>
/// The permissions CDK writes for API Gateway carry a <c>SourceArn</c> built with <c>Fn::Join</c>, which AWS Control
/// Tower's CT.LAMBDA.PR.2 does not accept when it reads a template (it wants a literal string, or a reference to a
/// resource of the template); a literal <c>SourceAccount</c> satisfies it and restricts nothing the ARN does not
/// already. An environment-agnostic stack has no literal account to write, so its permissions stay as they are.
/// </remarks>
internal static class PermissionSourceAccount
{
    private const string ServicePrincipalSuffix = ".amazonaws.com";

    public static void Apply(Construct scope)
    {
        var account = Stack.Of(scope).Account;
        if (Token.IsUnresolved(account)) return;
        foreach (var node in scope.Node.FindAll())
        {
            if (node is CfnPermission { SourceAccount: null } permission
                && !Token.IsUnresolved(permission.Principal)
                && permission.Principal.EndsWith(ServicePrincipalSuffix, StringComparison.Ordinal))
            {
                permission.SourceAccount = account;
            }
        }
    }
}
