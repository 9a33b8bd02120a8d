using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Iam;

namespace Serverless.WebApp.Constructs.Functions;

/// <summary>A function of the app with its <c>live</c> alias, identity, log group and dead-letter queue.</summary>
internal sealed record FunctionParts(
    Amazon.CDK.AWS.Lambda.Function Function,
    Alias Alias,
    FunctionIdentity Identity,
    ILogGroup LogGroup,
    IQueue? DeadLetterQueue)
{
    public IRole Role => Identity.Role;

    /// <summary>Grant everything the function needs through this, never through <c>Function</c> or <c>Role</c> directly.</summary>
    public IGrantable PermissionsTarget => Identity.PermissionsTarget;
}
