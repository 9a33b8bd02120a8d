using Serverless.WebApp.Constructs.Deployment;
using static Serverless.WebApp.Constructs.Nag.ServerlessWebAppAcknowledgements;

namespace Serverless.WebApp.Constructs.Nag;

/// <summary>
/// The cdk-nag findings on the release resources that cannot apply, each on its one resource with the reason: the
/// command hooks' dead-letter queue (the end of their failure path) and X-Ray's <c>Resource: "*"</c> in the hook role.
/// </summary>
internal static class ReleaseAcknowledgements
{
    public static void Apply(DeploymentParts? release)
    {
        if (release?.HookDeadLetterQueue is not { } deadLetterQueue) return;
        var nag = new NagAcknowledgement();
        nag.Add(deadLetterQueue, "Serverless-SQSRedrivePolicy", TerminalDeadLetterQueueReason);
        if (release.HookIdentity?.CreatedRolePolicy?.Policy is { } policy)
            nag.Add(policy, "AwsSolutions-IAM5", ResourceStarReason, "Resource::*");
        nag.Write();
    }
}
