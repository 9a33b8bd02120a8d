using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Legal choices that weaken a secure or pay-per-use default, announced as warnings with an id
/// (<see cref="ServerlessWebAppWarnings"/>), so reviewers see them without the construct forbidding them.
/// </summary>
internal static class WeakenedDefaults
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.PublicAccess == true)
            findings.Warning(ServerlessWebAppWarnings.PublicAccess, "PublicAccess = true: the front door accepts unauthenticated requests from anyone on the internet.");
        if (props.Tracing is { } tracing && tracing != Tracing.ACTIVE)
            findings.Warning(ServerlessWebAppWarnings.TracingNotActive, $"Tracing = {tracing}: X-Ray active tracing (the default) is off.");
        if (props.DeadLetterQueueEnabled == false)
            findings.Warning(ServerlessWebAppWarnings.NoDeadLetterQueue, "DeadLetterQueueEnabled = false: failed asynchronous invocations are dropped after Lambda's retries.");
        if (props.BucketRemovalPolicy is { } removal && removal != RemovalPolicy.RETAIN)
            findings.Warning(ServerlessWebAppWarnings.BucketsNotRetained, $"BucketRemovalPolicy = {removal}: deleting the stack can delete the buckets and their files.");
        if (props.ProvisionedConcurrentExecutions is { } provisioned)
            findings.Warning(ServerlessWebAppWarnings.ProvisionedConcurrencyBilled, $"ProvisionedConcurrentExecutions = {provisioned}: billed per hour whether or not the app is used.");
    }
}
