using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.Constructs.Commands;
using Serverless.WebApp.Constructs.EventSources;
using Serverless.WebApp.Constructs.Encryption;
using Serverless.WebApp.Constructs.Deployment;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.KeepWarming;
using Serverless.WebApp.Constructs.LoadBalancing;
using Serverless.WebApp.Constructs.Monitoring;
using Serverless.WebApp.Constructs.Nag;
using Serverless.WebApp.Constructs.Network;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Validation;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// An ASP.NET Core app on Lambda: its function with a <c>live</c> alias, a front door, optional VPC attachment,
/// least-privilege IAM (or supplied roles), S3 assets, keep-warm, and optionally async tasks with their worker and
/// schedules. Validates its props, builds each part, exposes them.
/// </summary>
/// <remarks>
/// Invalid props are synth errors on this construct, each naming the property and the allowed values: <c>cdk synth</c>
/// lists every error of the app with its construct path and fails, and the construct builds nothing. Reading a member
/// of a construct that was not built throws <see cref="InvalidOperationException"/> with this construct's errors.
/// Weakened defaults and set-ups that would fail once deployed are warnings with ids (<see cref="ServerlessWebAppWarnings"/>).
/// </remarks>
public class ServerlessWebApp : Construct, IConnectable
{
    // Server access logs are delivered under a bucket policy (not ACLs), which works with BucketOwnerEnforced.
    private const string AccessLogsUseBucketPolicyFlag = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    private readonly ConstructValidation _validation;

    /// <summary>Checks the props and, when they are valid, builds the app.</summary>
    public ServerlessWebApp(Construct scope, string id, ServerlessWebAppProps props) : base(scope, id)
    {
        var node = Node;
        NodePath = node.Path;
        Props = props;
        _validation = ConstructValidation.Start(this);
        node.SetContext(AccessLogsUseBucketPolicyFlag, true);
        if (!_validation.Check(props, ServerlessWebAppChecks.All)) return;

        Key = EncryptionKeyBuilder.Build(this, props);
        AppCode = CodeBuilder.Build(props, FunctionDefaults.Target(props));
        Network = NetworkBuilder.Build(this, props);
        Web = FunctionBuilder.Build(this, "Function", props, AppCode, Network, SwaEnvironment.WebRole, props.Role);
        Assets = AssetsBuilder.Build(this, props, Web, Key);
        FrontDoor = FrontDoorBuilder.Build(this, props, Web);
        Worker = WorkerBuilder.Build(this, props, Assets);
        Tasks = TasksBuilder.Build(this, props, Web, Worker, Assets, Key);
        EventSources = EventSourcesBuilder.Build(this, props, Web, Worker, Key);
        LoadBalancerTargetGroup = LoadBalancerTargetBuilder.Build(this, props, Web);
        KeepWarm = KeepWarmBuilder.Build(this, props, Web, Key);
        Commands = ManagementCommandsBuilder.Build(this, props, Web);
        var alarmTopic = MonitoringBuilder.Topic(this, props);
        var alarms = new AlarmFactory(this, alarmTopic?.Topic);
        Monitoring = MonitoringBuilder.Build(this, props, alarmTopic, alarms, Web, FrontDoor, Worker, Tasks);
        Release = DeploymentBuilder.Build(this, props, Web, Worker, FrontDoor, alarms);
        if (Key is not null) EncryptionKeyBuilder.AllowServices(this, Key, EncryptionKeyBuilder.ServicesOf(
            eventBridgeDeadLetters: KeepWarm is not null || EventSources.EventBridgeSendsToFailureQueues,
            alarmTopic: alarmTopic?.Created is not null, topicDeadLetters: EventSources.TopicsSendingToFailureQueues));
        OrganisationRolePolicy.Apply(this, props);
        PermissionSourceAccount.Apply(this);
        ServerlessWebAppAcknowledgements.Apply(this, props, Web, Worker, FrontDoor, Assets, Tasks);
        EventSourceAcknowledgements.Apply(EventSources);
        ReleaseAcknowledgements.Apply(Release);
        _validation.AtSynth(this, ServerlessWebAppChecks.AtSynth);
    }

    /// <summary>The customer-managed key of <c>EncryptionKey</c> (created or supplied), or null without one.</summary>
    public Amazon.CDK.AWS.KMS.IKey? EncryptionKey => Key;

    /// <summary>The web function. Triggers must target <see cref="Alias"/>, not this.</summary>
    public Amazon.CDK.AWS.Lambda.Function Function => Web.Function;

    /// <summary>The <c>live</c> alias on the latest published version; every trigger targets it.</summary>
    public Alias Alias => Web.Alias;

    /// <summary>The function's execution role: the one created here, or (an immutable view of) the supplied <c>Role</c>.</summary>
    public IRole Role => Web.Role;

    /// <summary>The HTTP API, when <c>FrontDoor</c> is <see cref="FrontDoorKind.HttpApi"/>.</summary>
    public HttpApi? HttpApi => FrontDoor.HttpApi;

    /// <summary>The REST API, when <c>FrontDoor</c> is <see cref="FrontDoorKind.RestApi"/>.</summary>
    public RestApi? RestApi => FrontDoor.RestApi;

    /// <summary>The HTTP or REST API, whichever front door was built.</summary>
    public Amazon.CDK.IResource? Api => (Amazon.CDK.IResource?)FrontDoor.HttpApi ?? FrontDoor.RestApi;

    /// <summary>The usage plan of a REST API with API keys.</summary>
    public UsagePlan? UsagePlan => FrontDoor.UsagePlan;

    /// <summary>The function URL, when <c>FrontDoor</c> is <see cref="FrontDoorKind.FunctionUrl"/>.</summary>
    public IFunctionUrl? FunctionUrl => FrontDoor.FunctionUrl;

    /// <summary>The public URL of the front door (also a stack output); null without one.</summary>
    public string? Url => FrontDoor.Url;

    /// <summary>
    /// The custom URL (<c>https://name/</c> or <c>https://name/basePath/</c>, also the stack output <c>CustomUrl</c>), when
    /// <c>Domain</c> is set; null otherwise.
    /// </summary>
    public string? CustomDomainUrl => FrontDoor.CustomDomain?.Url;

    /// <summary>The API Gateway custom domain of an HTTP API, when <c>Domain</c> is set and <c>FrontDoor</c> is HttpApi.</summary>
    public Amazon.CDK.AWS.Apigatewayv2.DomainName? HttpApiDomainName => FrontDoor.CustomDomain?.HttpDomainName;

    /// <summary>The API Gateway custom domain of a REST API, when <c>Domain</c> is set and <c>FrontDoor</c> is RestApi.</summary>
    public DomainName_? RestApiDomainName => FrontDoor.CustomDomain?.RestDomainName;

    /// <summary>The custom domain's certificate: the supplied <c>Domain.Certificate</c>, or the DNS-validated one created here.</summary>
    public Amazon.CDK.AWS.CertificateManager.ICertificate? DomainCertificate => FrontDoor.CustomDomain?.Certificate;

    /// <summary>The alias record of the custom domain, when <c>Domain.HostedZone</c> is set.</summary>
    public Amazon.CDK.AWS.Route53.ARecord? DomainRecord => FrontDoor.CustomDomain?.Record;

    /// <summary>The association of <c>WebAclArn</c> with the REST API stage, when set.</summary>
    public Amazon.CDK.AWS.WAFv2.CfnWebACLAssociation? WebAclAssociation => FrontDoor.WebAclAssociation;

    /// <summary>The CodeDeploy deployment group of the web function's <c>live</c> alias, when releases go through CodeDeploy (<c>Deployment</c>).</summary>
    public Amazon.CDK.AWS.CodeDeploy.LambdaDeploymentGroup? DeploymentGroup => Release?.WebGroup;

    /// <summary>The CodeDeploy deployment group of the worker's <c>live</c> alias, with <c>Tasks</c> and CodeDeploy releases.</summary>
    public Amazon.CDK.AWS.CodeDeploy.LambdaDeploymentGroup? WorkerDeploymentGroup => Release?.WorkerGroup;

    /// <summary>The alarms that roll a release back (<c>Deployment.Alarms</c>); empty without them.</summary>
    public IReadOnlyList<Amazon.CDK.AWS.CloudWatch.Alarm> DeploymentAlarms => Release?.Alarms ?? [];

    /// <summary>CodeDeploy's service role: created here, or (an immutable view of) the supplied <c>Deployment.Role</c>.</summary>
    public IRole? DeploymentRole => Release?.Role;

    /// <summary>The pre-traffic hook function: the supplied one, or the one created to run a management command.</summary>
    public IFunction? PreTrafficHook => Release?.PreTrafficHook;

    /// <summary>The post-traffic hook function: the supplied one, or the one created to run a management command.</summary>
    public IFunction? PostTrafficHook => Release?.PostTrafficHook;

    /// <summary>The alarms of <c>Monitoring</c>; empty without it.</summary>
    public IReadOnlyList<Amazon.CDK.AWS.CloudWatch.Alarm> MonitoringAlarms => Monitoring?.Alarms ?? [];

    /// <summary>The SNS topic the alarms notify: created here, or the supplied <c>Monitoring.Topic</c>; null without <c>Monitoring</c>.</summary>
    public Amazon.CDK.AWS.SNS.ITopic? AlarmTopic => Monitoring?.Topic;

    /// <summary>The CloudWatch dashboard, when <c>Monitoring.Dashboard</c> is true.</summary>
    public Amazon.CDK.AWS.CloudWatch.Dashboard? Dashboard => Monitoring?.Dashboard;

    /// <summary>The private bucket with the app's static files, when there are any.</summary>
    public IBucket? StaticAssetsBucket => Assets.StaticAssetsBucket;

    /// <summary>The uploads bucket, when <c>UploadsBucket</c> is true.</summary>
    public IBucket? UploadsBucket => Assets.UploadsBucket;

    /// <summary>Security-group connections of the function (VPC only).</summary>
    public Connections_ Connections => Network is not null
        ? Web.Function.Connections
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' is not in a VPC, so it has no security groups; set Vpc to use Connections.");

    /// <summary>Allows <paramref name="grantee"/> to invoke the <c>live</c> alias directly.</summary>
    public Grant GrantInvoke(IGrantable grantee) => Web.Alias.GrantInvoke(grantee);

    /// <summary>Allows <paramref name="grantee"/> to call an IAM-authorized function URL (both actions Lambda requires).</summary>
    public Grant GrantInvokeUrl(IGrantable grantee) => FrontDoor.FunctionUrl is { } url
        ? FunctionUrlBuilder.GrantInvokeUrl(url, Web.Alias, grantee)
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' has no function URL; GrantInvokeUrl needs FrontDoor FunctionUrl.");

    /// <summary>Allows <paramref name="grantee"/> to list and read the static assets (explicit actions, no wildcard).</summary>
    public Grant GrantReadStaticAssets(IGrantable grantee) => Assets.StaticAssetsBucket is { } bucket
        ? Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = new[] { "s3:GetObject", "s3:ListBucket" },
            ResourceArns = new[] { bucket.BucketArn, bucket.ArnForObjects("*") },
        })
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' has no static assets bucket.");

    /// <summary>
    /// For each of <c>EventSources</c> by name, what was created to deliver it: the event source mapping (queue, table
    /// stream, Kinesis stream), the SNS subscription or the EventBridge rule. A bucket's notification lives on the bucket.
    /// </summary>
    public IReadOnlyDictionary<string, IConstruct> EventSourceResources => EventSources.Resources;

    /// <summary>The Lambda target group on the existing load balancer's listener, when <c>LoadBalancerTarget</c> is set.</summary>
    public Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationTargetGroup? LoadBalancerTargetGroup { get => _validation.Built(field); }

    /// <summary>
    /// The worker function, when <c>Tasks</c> is set or an event source runs on the worker. Triggers must target
    /// <see cref="WorkerAlias"/>.
    /// </summary>
    public Amazon.CDK.AWS.Lambda.Function? WorkerFunction => Worker?.Function;

    /// <summary>The worker's <c>live</c> alias, which the task queue, the schedules and the event sources on the worker invoke.</summary>
    public Alias? WorkerAlias => Worker?.Alias;

    /// <summary>
    /// The worker's execution role: created here, or (an immutable view of) the supplied <c>Tasks.WorkerRole</c> or
    /// <c>EventSources.WorkerRole</c>.
    /// </summary>
    public IRole? WorkerRole => Worker?.Role;

    /// <summary>The SQS task queue (encrypted, TLS-only), when <c>Tasks</c> is set.</summary>
    public Queue? TaskQueue => Tasks.Queue?.Queue;

    /// <summary>The task queue's dead-letter queue: tasks that failed every attempt.</summary>
    public Queue? TaskDeadLetterQueue => Tasks.Queue?.DeadLetterQueue;

    /// <summary>The DynamoDB task status table, when <c>Tasks</c> is set and its <c>StatusTable</c> is not false.</summary>
    public Table? TaskStatusTable => Tasks.Queue?.StatusTable;

    /// <summary>The bucket for oversized task payloads, when <c>Tasks.PayloadBucket</c> is true.</summary>
    public Bucket? TaskPayloadBucket => Tasks.Queue?.PayloadBucket;

    /// <summary>The event source mapping from the task queue to <see cref="WorkerAlias"/>.</summary>
    public EventSourceMapping? TaskEventSource => Tasks.Queue?.EventSourceMapping;

    /// <summary>The keep-warm rule, unless <c>KeepWarm.Enabled</c> is false.</summary>
    public Rule? KeepWarmRule => KeepWarm?.Rule;

    /// <summary>The EventBridge Scheduler schedules, their execution role and dead-letter queue, when <c>Tasks.Schedules</c> are set.</summary>
    public TaskSchedules? TaskSchedules => Tasks.Schedules;

    /// <summary>
    /// For each of <c>ManagementCommands</c>, the <c>aws lambda invoke</c> command line that runs it (also a stack
    /// output); it holds tokens for the region and function name until deploy.
    /// </summary>
    public IReadOnlyDictionary<string, string> ManagementCommandLines =>
        Commands.ToDictionary(c => c.Command, c => c.CommandLine, StringComparer.Ordinal);

    /// <summary>
    /// Allows <paramref name="grantee"/> to enqueue tasks as the web function does: send to the task queue, record and
    /// read task status, upload oversized payloads (explicit actions on this app's resources only).
    /// </summary>
    public Grant GrantEnqueue(IGrantable grantee) => Tasks.Queue is { } queue
        ? Combine(grantee, TaskQueuePermissions.Web(TaskQueueArns.Of(queue.Queue, queue.StatusTable, queue.PayloadBucket)))
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' has no task queue; GrantEnqueue needs Tasks.");

    /// <summary>Allows <paramref name="grantee"/> to read task status items (<c>dynamodb:GetItem</c> on the status table).</summary>
    public Grant GrantReadTaskStatus(IGrantable grantee) => Tasks.Queue?.StatusTable is { } table
        ? Grant.AddToPrincipal(new GrantOnPrincipalOptions { Grantee = grantee, Actions = ["dynamodb:GetItem"], ResourceArns = [table.TableArn] })
        : throw new InvalidOperationException($"ServerlessWebApp '{Node.Path}' has no task status table; GrantReadTaskStatus needs Tasks with StatusTable.");

    private static Grant Combine(IGrantable grantee, IEnumerable<PolicyStatement> statements) =>
        statements
            .Select(statement => Grant.AddToPrincipal(new GrantOnPrincipalOptions
            {
                Grantee = grantee,
                Actions = statement.Actions,
                ResourceArns = statement.Resources,
            }))
            .Aggregate((all, next) => all.Combine(next));

    // ---- Internal seams for composing further parts (task queue, worker, keep-warm, schedules) ----

    /// <summary>The props as given.</summary>
    internal ServerlessWebAppProps Props { get; }

    /// <summary>This construct's path, read once for the builders' descriptions (each <c>Node.Path</c> is a jsii round trip).</summary>
    internal string NodePath { get; }

    /// <summary>The code asset with its runtime and handler; reuse it for a worker function of the same app.</summary>
    internal AppCode AppCode { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The customer-managed key every part of the app encrypts with, or null.</summary>
    internal Amazon.CDK.AWS.KMS.IKey? Key { get => _validation.Built(field); }

    /// <summary>VPC placement shared by all functions of the app, or null.</summary>
    internal NetworkPlacement? Network { get => _validation.Built(field); }

    /// <summary>The web function's parts; grant it permissions only through <see cref="FunctionParts.PermissionsTarget"/>.</summary>
    internal FunctionParts Web { get => field ?? throw _validation.NotBuilt(); }

    internal FrontDoorParts FrontDoor { get => field ?? throw _validation.NotBuilt(); }

    internal AssetsParts Assets { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The worker function, when there are tasks or event sources on the worker.</summary>
    internal FunctionParts? Worker { get => _validation.Built(field); }

    internal TasksParts Tasks { get => field ?? throw _validation.NotBuilt(); }

    internal KeepWarm? KeepWarm { get => _validation.Built(field); }

    internal IReadOnlyList<ManagementCommand> Commands { get => field ?? throw _validation.NotBuilt(); }

    internal EventSourcesParts EventSources { get => field ?? throw _validation.NotBuilt(); }

    internal MonitoringParts? Monitoring { get => _validation.Built(field); }

    internal DeploymentParts? Release { get => _validation.Built(field); }

    /// <summary>Builds another function of this app (e.g. the task worker) with the same code, settings, VPC and IAM rules.</summary>
    internal FunctionParts AddFunction(string id, string functionRole, IRole? suppliedRole, Amazon.CDK.Duration? timeout = null, double? memorySize = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        FunctionBuilder.Build(this, id, Props, AppCode, Network, functionRole, suppliedRole, timeout, memorySize, environment);
}
