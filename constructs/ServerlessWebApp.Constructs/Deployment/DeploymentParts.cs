using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CodeDeploy;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Iam;

namespace Serverless.WebApp.Constructs.Deployment;

/// <summary>
/// What the release builder created: the CodeDeploy deployment groups, their alarms, CodeDeploy's role, the hooks and,
/// for command hooks, their role and dead-letter queue.
/// </summary>
internal sealed record DeploymentParts(
    LambdaDeploymentGroup WebGroup,
    LambdaDeploymentGroup? WorkerGroup,
    IReadOnlyList<Alarm> Alarms,
    FunctionIdentity RoleIdentity,
    IFunction? PreTrafficHook,
    IFunction? PostTrafficHook,
    FunctionIdentity? HookIdentity,
    Queue? HookDeadLetterQueue)
{
    public IRole Role => RoleIdentity.Role;
}
