namespace Serverless.WebApp.Constructs;

/// <summary>
/// The ids of the synth warnings a <see cref="ServerlessWebApp"/> raises: legal choices that weaken a secure or
/// pay-per-use default, and set-ups that synthesize but would fail or cost money once deployed. <c>cdk synth</c> prints
/// each with its id; <c>cdk synth --strict</c> fails on any. A reviewed warning is acknowledged by its id on the
/// construct or on any scope above it, e.g.
/// <c>Annotations.Of(stack).AcknowledgeWarning(ServerlessWebAppWarnings.PublicAccess, "a public demo API")</c>
/// (on the construct itself, after creating it).
/// </summary>
public static class ServerlessWebAppWarnings
{
    /// <summary><c>PublicAccess = true</c>: the front door accepts unauthenticated requests from anyone on the internet.</summary>
    public const string PublicAccess = "ServerlessWebApp:publicAccess";

    /// <summary><c>Tracing</c> is not <c>ACTIVE</c>: X-Ray active tracing, the default, is off.</summary>
    public const string TracingNotActive = "ServerlessWebApp:tracingNotActive";

    /// <summary><c>DeadLetterQueueEnabled = false</c>: failed asynchronous invocations are dropped after Lambda's retries.</summary>
    public const string NoDeadLetterQueue = "ServerlessWebApp:noDeadLetterQueue";

    /// <summary><c>BucketRemovalPolicy</c> is not <c>RETAIN</c>: deleting the stack can delete the buckets and their files.</summary>
    public const string BucketsNotRetained = "ServerlessWebApp:bucketsNotRetained";

    /// <summary><c>ProvisionedConcurrentExecutions</c> is set: billed per hour whether or not the app is used.</summary>
    public const string ProvisionedConcurrencyBilled = "ServerlessWebApp:provisionedConcurrencyBilled";

    /// <summary>
    /// The project at <c>ProjectPath</c> does not reference <c>ServerlessWebApp.Hosting</c>, so in Lambda no code would
    /// answer the Runtime API and every invocation would fail. Checked in the project file, the
    /// <c>Directory.Build.props</c>/<c>.targets</c> MSBuild imports for it and the projects it references (a reference
    /// through a NuGet package's dependencies is not seen: acknowledge the warning then).
    /// </summary>
    public const string ProjectWithoutHosting = "ServerlessWebApp:projectWithoutHosting";

    /// <summary>
    /// Tasks run in VPC subnets with no route to SQS, DynamoDB (status table) or S3 (payload bucket). Known at synth
    /// only for isolated subnets: a selected subnet the VPC lists as isolated (<c>SubnetType.PRIVATE_ISOLATED</c>: no
    /// NAT, no internet gateway), with no VPC endpoint for the service defined in this CDK app for that VPC. Private
    /// subnets with egress are taken to reach the services through their NAT; endpoints created outside the app
    /// cannot be seen (acknowledge the warning then).
    /// </summary>
    public const string NoRouteToTaskServices = "ServerlessWebApp:noRouteToTaskServices";

    /// <summary>
    /// A queue event source's queue, created in this CDK app, has a visibility timeout below AWS's recommendation for
    /// Lambda: six times the timeout of the function it runs on, plus the source's batching window. A message whose
    /// invocation was throttled or timed out can become visible again while Lambda still retries it, and be processed
    /// twice. (Below the function's timeout itself, Lambda refuses the mapping: that is a synth error.)
    /// </summary>
    public const string ShortQueueVisibilityTimeout = "ServerlessWebApp:shortQueueVisibilityTimeout";

    /// <summary>
    /// Static files are deployed by CDK's BucketDeployment helper, which runs in the app's VPC subnets, and the subnets
    /// have no route to S3: a selected subnet is isolated and this CDK app defines no S3 endpoint for the VPC, so the
    /// helper cannot copy the files or answer CloudFormation and the deployment fails when the custom resource times
    /// out. An S3 gateway endpoint is free. Endpoints created outside the app cannot be seen (acknowledge the warning then).
    /// </summary>
    public const string NoRouteForStaticAssets = "ServerlessWebApp:noRouteForStaticAssets";

    /// <summary>
    /// <c>Domain.DisableDefaultEndpoint = false</c> with mutual TLS: the API's own <c>execute-api</c> endpoint does not ask
    /// for client certificates, so callers can go around the custom domain and its mutual TLS.
    /// </summary>
    public const string MutualTlsBypassable = "ServerlessWebApp:mutualTlsBypassable";
}
