using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// Inputs of <see cref="ServerlessWebApp"/>. Every property is optional except the code source. Invalid values are synth
/// errors that name the property and the allowed values, all reported at once.
/// </summary>
public sealed class ServerlessWebAppProps
{
    // ---- Code ----

    /// <summary>
    /// Path to the ASP.NET Core app's <c>.csproj</c>; it is published with a local <c>dotnet publish</c> at synth
    /// (no Docker) and republished only when its sources change. A relative path is relative to the current directory
    /// (the folder of <c>cdk.json</c> when the CDK CLI runs the app). The project must reference
    /// <c>ServerlessWebApp.Hosting</c> (warning <see cref="ServerlessWebAppWarnings.ProjectWithoutHosting"/> otherwise).
    /// Exactly one of this and <see cref="PrebuiltCodePath"/> is required. Default: none.
    /// </summary>
    public string? ProjectPath { get; set; }

    /// <summary>
    /// Path to an already published app: a directory or a <c>.zip</c>. Exactly one of this and
    /// <see cref="ProjectPath"/> is required. Default: none.
    /// </summary>
    public string? PrebuiltCodePath { get; set; }

    /// <summary>
    /// The app's assembly name, which is the handler in <see cref="PublishMode.FrameworkDependent"/> mode.
    /// Default: the project's <c>AssemblyName</c> (or file name), or the single <c>*.runtimeconfig.json</c> in a
    /// prebuilt directory; required for a prebuilt <c>.zip</c> in framework-dependent mode.
    /// </summary>
    public string? AssemblyName { get; set; }

    /// <summary>
    /// How the app is published and run. Default: <see cref="PublishMode.FrameworkDependent"/> on <c>dotnet10</c>, with
    /// the app's own assemblies precompiled ReadyToRun for the function's architecture: the fastest cold start that
    /// keeps every app working as it does on Kestrel (no trimming, reflection as usual, both architectures, any build
    /// machine, runtime patches from Lambda).
    /// </summary>
    public PublishMode? PublishMode { get; set; }

    /// <summary>
    /// Instruction set of the function. Default: <c>Architecture.ARM_64</c> (cheaper per GB-second), except
    /// <see cref="PublishMode.NativeAot"/>, which defaults to the build machine's architecture because Native AOT
    /// cannot cross-compile without a cross toolchain.
    /// </summary>
    public Architecture? Architecture { get; set; }

    // ---- Function ----

    /// <summary>Memory in MB, 128–10240 (CPU scales with it). Default: 1024.</summary>
    public double? MemorySize { get; set; }

    /// <summary>
    /// Function time-out, 1–900 s and no more than the front door waits (HTTP API 30 s, REST API 29 s).
    /// Default: 30 s, or 29 s behind a REST API.
    /// </summary>
    public Duration? Timeout { get; set; }

    /// <summary>Size of <c>/tmp</c>, 512–10240 MB. Default: 512 MB (free tier).</summary>
    public Size? EphemeralStorageSize { get; set; }

    /// <summary>
    /// Environment variables for the app. Names must not start with <c>AWS_</c>, <c>LAMBDA_</c> or <c>SWA_</c>
    /// (reserved by Lambda and by this construct). Besides these, every function gets .NET process settings for one
    /// request at a time (values hexadecimal): workstation, non-concurrent garbage collection
    /// (<c>DOTNET_gcServer=0</c>, <c>DOTNET_gcConcurrent=0</c>; the web SDK's default is server GC), no configuration
    /// file watchers (<c>DOTNET_hostBuilder__reloadConfigOnChange=false</c>; the package is read-only), and, to keep
    /// resident memory flat under load, for JIT-compiled code (framework-dependent, ReadyToRun)
    /// <c>DOTNET_GCgen0size=80000</c> (a 512 KiB first-generation GC budget), <c>DOTNET_GCRegionSize=100000</c> (1 MiB
    /// GC regions) and <c>DOTNET_JitHostMaxSlabCache=100000</c> (1 MiB of cached JIT scratch memory); for Native AOT
    /// <c>DOTNET_GCgen0size=200000</c> (2 MiB). An entry here with the same name replaces one. Default: none.
    /// </summary>
    public IDictionary<string, string>? Environment { get; set; }

    /// <summary>
    /// Secrets by the configuration key the app reads them from (<c>builder.Configuration["Db:Password"]</c> after
    /// <c>builder.Configuration.AddServerlessWebAppSecrets()</c>): keys are sections of letters, digits, '.', '_' and '-'
    /// separated by ':'. Only parameter and secret names reach the function (<c>SWA_SECRETS</c>), never values; the
    /// function is granted read access to each. The runtime reads them all in one Parameter Store call at start.
    /// Default: none.
    /// </summary>
    public IDictionary<string, SecretReference>? Secrets { get; set; }

    /// <summary>Concurrency reserved for (and capping) the function, 0 or more. Default: unreserved.</summary>
    public double? ReservedConcurrentExecutions { get; set; }

    /// <summary>
    /// Provisioned concurrency on the <c>live</c> alias. Billed by the hour whether used or not, so it is opt-in and
    /// announced as warning <see cref="ServerlessWebAppWarnings.ProvisionedConcurrencyBilled"/>. Default: none (pay per use).
    /// </summary>
    public double? ProvisionedConcurrentExecutions { get; set; }

    /// <summary>Retention of the function's and the API's log groups. Default: <c>RetentionDays.ONE_MONTH</c>.</summary>
    public RetentionDays? LogRetention { get; set; }

    /// <summary>
    /// X-Ray tracing of the function (and of a REST API stage); anything else is announced as warning
    /// <see cref="ServerlessWebAppWarnings.TracingNotActive"/>. Default: <c>Tracing.ACTIVE</c>.
    /// </summary>
    public Tracing? Tracing { get; set; }

    /// <summary>Minimum level of application logs Lambda keeps (JSON log format). Default: <c>ApplicationLogLevel.INFO</c>.</summary>
    public ApplicationLogLevel? ApplicationLogLevel { get; set; }

    /// <summary>
    /// Whether failed asynchronous invocations go to an encrypted SQS dead-letter queue (pay per use); false is
    /// announced as warning <see cref="ServerlessWebAppWarnings.NoDeadLetterQueue"/>. Default: true.
    /// </summary>
    public bool? DeadLetterQueueEnabled { get; set; }

    // ---- Front door ----

    /// <summary>How requests reach the function. Default: <see cref="FrontDoorKind.HttpApi"/>.</summary>
    public FrontDoorKind? FrontDoor { get; set; }

    /// <summary>
    /// API stage name: letters, digits, <c>-</c> and <c>_</c>, at most 128 characters (<c>$default</c> is also
    /// allowed for an HTTP API). Only for HTTP and REST APIs. Default: <c>$default</c> (HTTP API, no path prefix),
    /// <c>prod</c> (REST API).
    /// </summary>
    public string? StageName { get; set; }

    /// <summary>
    /// Who may call the front door. Required unless <see cref="PublicAccess"/> is true or the front door is
    /// <see cref="FrontDoorKind.None"/>. Default: none (synth fails with the options).
    /// </summary>
    public ApiAuthorization? Authorization { get; set; }

    /// <summary>
    /// Explicit acknowledgement that the front door is open to anyone on the internet (no authorization); announced as
    /// warning <see cref="ServerlessWebAppWarnings.PublicAccess"/>. Default: false.
    /// </summary>
    public bool? PublicAccess { get; set; }

    /// <summary>Steady-state request rate limit of the API stage (requests per second). Default: 100.</summary>
    public double? ThrottlingRateLimit { get; set; }

    /// <summary>Burst limit of the API stage (requests). Default: 200.</summary>
    public double? ThrottlingBurstLimit { get; set; }

    /// <summary>
    /// Whether a REST API creates the account-level role that lets API Gateway write execution logs. Not allowed
    /// with a supplied <see cref="Role"/> (then the platform team must have configured it).
    /// Default: true, or false when <see cref="Role"/> is supplied.
    /// </summary>
    public bool? RestApiCloudWatchRole { get; set; }

    /// <summary>
    /// Also serve the app behind a listener of an existing Application Load Balancer (a Lambda target group and a
    /// listener rule on the web function's <c>live</c> alias). No load balancer is created. Default: none.
    /// </summary>
    public ServerlessWebAppLoadBalancerTargetProps? LoadBalancerTarget { get; set; }

    /// <summary>
    /// A custom domain for the HTTP or REST API: certificate (supplied or DNS-validated), alias record, base path
    /// mapping, TLS 1.2 minimum, optional mutual TLS (<see cref="ServerlessWebAppDomainProps"/>). Free (the hosted zone is
    /// supplied). Not available with <c>FrontDoor</c> FunctionUrl or None. Default: none.
    /// </summary>
    public ServerlessWebAppDomainProps? Domain { get; set; }

    /// <summary>
    /// Cross-origin resource sharing on the front door; preflight <c>OPTIONS</c> requests are answered without running
    /// the authorizer (<see cref="ServerlessWebAppCorsProps"/>). Free. Default: none (no CORS headers).
    /// </summary>
    public ServerlessWebAppCorsProps? Cors { get; set; }

    /// <summary>
    /// Exceptions to <see cref="Authorization"/> on single routes of an HTTP or REST API: public routes (a health check,
    /// a webhook receiver) or routes with another authorizer (<see cref="ServerlessWebAppRoute"/>). Routes may not
    /// overlap. Default: none (the default authorization on every route).
    /// </summary>
    public IReadOnlyList<ServerlessWebAppRoute>? Routes { get; set; }

    /// <summary>
    /// Media types a REST API passes as binary (request bodies arrive base64-encoded; a base64 response is decoded when
    /// the request's <c>Accept</c> matches), e.g. <c>image/png</c> or <c>*/*</c>. Only with <c>FrontDoor</c> RestApi
    /// (an HTTP API and a function URL pass binary bodies as they are). Default: <c>*/*</c>, so binary responses work
    /// behind a REST API as they do behind an HTTP API.
    /// </summary>
    public IReadOnlyList<string>? BinaryMediaTypes { get; set; }

    /// <summary>
    /// ARN of an AWS WAF web ACL (regional scope, same region) to associate with the REST API stage. Only with
    /// <c>FrontDoor</c> RestApi: API Gateway offers no WAF association for HTTP APIs (put CloudFront with the web ACL in
    /// front of one instead). The web ACL is supplied, not created: WAF bills its owner $5.00 a month per web ACL plus
    /// $1.00 per rule (list prices) and $0.60 per million requests. Default: none.
    /// </summary>
    public string? WebAclArn { get; set; }

    // ---- Releases and monitoring ----

    /// <summary>
    /// How a release reaches the <c>live</c> aliases: all at once, canary or linear through CodeDeploy, with automatic
    /// rollback on alarms on the new version and optional pre- and post-traffic hooks (<see cref="ServerlessWebAppDeploymentProps"/>).
    /// CodeDeploy is free for Lambda; its alarms cost $0.10 a month per metric (list price). Default: all at once, no
    /// CodeDeploy, nothing billed.
    /// </summary>
    public ServerlessWebAppDeploymentProps? Deployment { get; set; }

    /// <summary>
    /// Alarms on errors, throttles, 5xx rate, latency and the task queue, an SNS topic and an optional dashboard
    /// (<see cref="ServerlessWebAppMonitoringProps"/>). Opt-in and priced there: $0.10 a month per alarm metric, $3.00
    /// for the dashboard (list prices). Default: none.
    /// </summary>
    public ServerlessWebAppMonitoringProps? Monitoring { get; set; }

    // ---- VPC ----

    /// <summary>
    /// An existing VPC to attach the functions to; CDK's helper that deploys the static files runs in it too (one helper
    /// per stack and VPC, in the subnets of the first app that creates it). Default: none (no VPC resources are created).
    /// </summary>
    public IVpc? Vpc { get; set; }

    /// <summary>
    /// Subnets of <see cref="Vpc"/> for the functions: private ones (with egress, or isolated). Requires <see cref="Vpc"/>.
    /// With <see cref="Tasks"/>, the functions must reach SQS, DynamoDB (status table) and S3 (payload bucket): when a
    /// selected subnet is isolated (<c>SubnetType.PRIVATE_ISOLATED</c>, no NAT) and this CDK app defines no VPC endpoint
    /// for one of them in the VPC, synth warns (<see cref="ServerlessWebAppWarnings.NoRouteToTaskServices"/>) with the
    /// endpoint to add: the DynamoDB and S3 gateway endpoints are free, the SQS interface endpoint costs about $0.01 per
    /// hour per AZ (≈ $7.30 a month per AZ) plus data. Subnets with egress are taken to route through their NAT; endpoints
    /// made outside the app are not visible at synth. The static files' deployment helper needs S3 the same way
    /// (<see cref="ServerlessWebAppWarnings.NoRouteForStaticAssets"/>). Default: the VPC's private subnets.
    /// </summary>
    public SubnetSelection? VpcSubnets { get; set; }

    /// <summary>
    /// Security groups of the function. Requires <see cref="Vpc"/>. Default: one new group with no ingress and
    /// all outbound traffic allowed.
    /// </summary>
    public ISecurityGroup[]? SecurityGroups { get; set; }

    // ---- IAM ----

    /// <summary>
    /// Execution role supplied by the platform team. The construct then creates no IAM role or policy for the
    /// function and never modifies this role. Default: one least-privilege role per function, created here.
    /// </summary>
    public IRole? Role { get; set; }

    /// <summary>Permissions boundary applied to every role created under this construct (CDK helper roles included). Default: none.</summary>
    public IManagedPolicy? PermissionsBoundary { get; set; }

    /// <summary>Path of created roles: starts and ends with <c>/</c>, at most 512 characters. Default: <c>/</c>.</summary>
    public string? RolePath { get; set; }

    /// <summary>
    /// Prefix of the names of created roles (letters, digits and <c>+=,.@_-</c>, at most 32 characters); the rest is
    /// a unique suffix. Default: none (CloudFormation generates names).
    /// </summary>
    public string? RoleNamePrefix { get; set; }

    // ---- S3 assets ----

    /// <summary>
    /// Folder of static files deployed to a private bucket whose name is passed in <c>SWA_STATIC_BUCKET</c>.
    /// Default: the project's <c>wwwroot</c> (or <c>wwwroot</c> in a prebuilt directory) when it exists.
    /// </summary>
    public string? StaticAssetsPath { get; set; }

    /// <summary>Whether static files are deployed at all. Default: true (when a folder exists).</summary>
    public bool? DeployStaticAssets { get; set; }

    /// <summary>
    /// Role for the static-asset deployment helper. Required to deploy static assets together with a supplied
    /// <see cref="Role"/> (so no role is created); never modified. CDK runs one such helper per stack, so give every
    /// instance in a stack the same role. Default: a role created by CDK's BucketDeployment.
    /// </summary>
    public IRole? AssetDeploymentRole { get; set; }

    /// <summary>
    /// Whether to create a private uploads bucket the app may read, write and delete in (name in
    /// <c>SWA_UPLOADS_BUCKET</c>). Default: false.
    /// </summary>
    public bool? UploadsBucket { get; set; }

    /// <summary>
    /// What happens to the buckets when the stack is deleted; anything but <c>RETAIN</c> is announced as warning
    /// <see cref="ServerlessWebAppWarnings.BucketsNotRetained"/>. Default: <c>RemovalPolicy.RETAIN</c> (nothing lost).
    /// </summary>
    public RemovalPolicy? BucketRemovalPolicy { get; set; }

    // ---- Data protection ----

    /// <summary>
    /// Organisation-strict protection of the data the app stores, each setting opt-in and priced where it is described:
    /// one customer-managed KMS key for everything at rest, the platform's access-log bucket, S3 Object Lock
    /// (<see cref="ServerlessWebAppDataProtectionProps"/>). Default: none (encryption with AWS-managed keys, one access-log
    /// bucket created by the construct, no Object Lock: no monthly charge).
    /// </summary>
    public ServerlessWebAppDataProtectionProps? DataProtection { get; set; }

    // ---- Event sources ----

    /// <summary>
    /// AWS event sources delivered to the app's <c>app.MapEvent&lt;TEvent&gt;(name, handler)</c> (S3 buckets, SNS topics,
    /// SQS queues, DynamoDB table streams, Kinesis streams, EventBridge patterns), on the worker function (the task
    /// worker, or one created for them) or the web function, with least-privilege grants, partial batch responses and
    /// failure queues (<see cref="ServerlessWebAppEventSourcesProps"/>). Default: none.
    /// </summary>
    public ServerlessWebAppEventSourcesProps? EventSources { get; set; }

    // ---- Tasks, keep-warm, management commands ----

    /// <summary>
    /// Enables async tasks (<c>app.MapTask</c>, <c>ITaskQueue</c>): an SQS queue with a dead-letter queue, a worker
    /// function from the same code triggered through its <c>live</c> alias, and a status table. The web function may
    /// only send; the worker may only consume. Opt-in because the SQS event source's pollers make billed SQS requests
    /// even at zero traffic: about 650,000 a month per queue (5 pollers, each long-polling every 20 s), inside the SQS
    /// free tier of 1 million requests for one app, otherwise about $0.26 a month at $0.40 per million.
    /// Default: null, no task queue.
    /// </summary>
    public ServerlessWebAppTasksProps? Tasks { get; set; }

    /// <summary>
    /// The keep-warm ping: an EventBridge rule that pings the web function's <c>live</c> alias (answered by the runtime
    /// without entering the app), keeping an execution environment warm. Cost: EventBridge scheduled rules are free, and
    /// a 5-minute ping is about 8,640 tiny invocations a month, inside Lambda's free tier.
    /// Default: on, every 5 minutes (<see cref="ServerlessWebAppKeepWarmProps"/>).
    /// </summary>
    public ServerlessWebAppKeepWarmProps? KeepWarm { get; set; }

    /// <summary>
    /// Management commands (registered with <c>app.MapCommand</c>) to print as stack outputs: for each, the exact
    /// <c>aws lambda invoke</c> command line that runs it on the web function's <c>live</c> alias. Names are 1–64
    /// letters, digits, '.', '_', ':' or '-'. An empty list prints none. Default: <c>["help"]</c> (answers with the
    /// list of known commands).
    /// </summary>
    public IReadOnlyList<string>? ManagementCommands { get; set; }
}
