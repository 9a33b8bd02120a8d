using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Legal choices that weaken a secure or pay-per-use default are announced as synth warnings with an id, so
/// reviewers see them (and <c>cdk synth --strict</c> can refuse them) without the construct forbidding them.
/// </summary>
internal static class DefaultOverrideWarnings
{
    public const string PublicAccess = "ServerlessWebApp:publicAccess";
    public const string TracingDisabled = "ServerlessWebApp:tracingNotActive";
    public const string NoDeadLetterQueue = "ServerlessWebApp:noDeadLetterQueue";
    public const string BucketsDestroyed = "ServerlessWebApp:bucketsNotRetained";
    public const string ProvisionedConcurrency = "ServerlessWebApp:provisionedConcurrencyBilled";

    public static void Announce(IConstruct scope, ServerlessWebAppProps props)
    {
        var annotations = Annotations.Of(scope);
        if (props.PublicAccess == true)
            annotations.AddWarningV2(PublicAccess, "PublicAccess = true: the front door accepts unauthenticated requests from anyone on the internet.");
        if (props.Tracing is { } tracing && tracing != Tracing.ACTIVE)
            annotations.AddWarningV2(TracingDisabled, $"Tracing = {tracing}: X-Ray active tracing (the default) is off.");
        if (props.DeadLetterQueueEnabled == false)
            annotations.AddWarningV2(NoDeadLetterQueue, "DeadLetterQueueEnabled = false: failed asynchronous invocations are dropped after Lambda's retries.");
        if (props.BucketRemovalPolicy is { } removal && removal != RemovalPolicy.RETAIN)
            annotations.AddWarningV2(BucketsDestroyed, $"BucketRemovalPolicy = {removal}: deleting the stack can delete the buckets and their files.");
        if (props.ProvisionedConcurrentExecutions is { } provisioned)
            annotations.AddWarningV2(ProvisionedConcurrency, $"ProvisionedConcurrentExecutions = {provisioned}: billed per hour whether or not the app is used.");
    }
}
