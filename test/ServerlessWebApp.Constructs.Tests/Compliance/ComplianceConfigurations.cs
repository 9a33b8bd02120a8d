using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.CdkApp;
using Serverless.WebApp.Constructs.EventSources;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// The compliance configuration matrix: the defaults (with the explicit authorization choice they require), every
/// front door with every authorization that changes its resources, a VPC, assets and uploads, supplied roles, a
/// permissions boundary and both stages of the sample app. Code comes from a prebuilt folder, so nothing publishes.
/// </summary>
public static class ComplianceConfigurations
{
    // Declared before All: static initializers run in textual order.
    private static readonly ScheduledTask[] Schedules =
    [
        new() { Name = "nightly-report", Expression = "cron(0 2 * * ? *)", Task = "report.nightly", PayloadJson = """{"days": 1}""" },
        new() { Name = "hourly-cleanup", Expression = "rate(1 hour)", Task = "cleanup", TimeZone = "Europe/Paris" },
    ];

    /// <summary>Both stages come from one build of the CDK app, as <c>cdk synth</c> makes them.</summary>
    private static readonly Lazy<(Stack Dev, Stack Prod)> SampleApp = new(BuildSampleApp);

    public const string BoundaryName = "org-boundary";
    private const string Account = ExampleArns.Account;
    private const string Region = "eu-west-1";

    public static IReadOnlyList<ComplianceConfiguration> All { get; } =
    [
        Construct("defaults", "every default; HTTP API with IAM authorization (the explicit choice a front door needs)",
            (_, p) => p.Authorization = ApiAuthorization.Iam()),

        Construct("http-api-public", "HTTP API open to anyone, acknowledged with PublicAccess = true",
            (_, p) => p.PublicAccess = true),
        Construct("http-api-jwt", "HTTP API with a JWT authorizer",
            (_, p) => p.Authorization = ApiAuthorization.Jwt("https://issuer.example.com", "foundry")),
        Construct("http-api-cognito", "HTTP API with a Cognito user pool (JWT) authorizer",
            (stack, p) => p.Authorization = CognitoOf(stack)),
        Construct("http-api-lambda-authorizer", "HTTP API with a Lambda authorizer",
            (stack, p) => p.Authorization = LambdaAuthorizerOf(stack)),

        Construct("rest-api-iam", "REST API with IAM authorization, execution logs and the account logging role",
            (_, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.Authorization = ApiAuthorization.Iam(); }),
        Construct("rest-api-public", "REST API open to anyone, acknowledged with PublicAccess = true",
            (_, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = true; }),
        Construct("rest-api-cognito", "REST API with a Cognito user pool authorizer",
            (stack, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.Authorization = CognitoOf(stack); }),
        Construct("rest-api-lambda-authorizer", "REST API with a Lambda (token) authorizer",
            (stack, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.Authorization = LambdaAuthorizerOf(stack); }),
        Construct("rest-api-api-keys", "REST API with API keys and a throttled usage plan",
            (_, p) => { p.FrontDoor = FrontDoorKind.RestApi; p.Authorization = ApiAuthorization.ApiKeys(); }),

        Construct("function-url-iam", "function URL with IAM authorization",
            (_, p) => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.Authorization = ApiAuthorization.Iam(); }),
        Construct("function-url-public", "function URL open to anyone, acknowledged with PublicAccess = true",
            (_, p) => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.PublicAccess = true; }),
        Construct("none", "no front door: a private function invoked directly",
            (_, p) => p.FrontDoor = FrontDoorKind.None),

        Construct("vpc", "function in an existing VPC's private subnets with its own no-ingress security group",
            (stack, p) => { p.Authorization = ApiAuthorization.Iam(); p.Vpc = ExistingVpc(stack); }),
        Construct("assets-and-uploads", "static files deployed to a private bucket, an uploads bucket and their access-log bucket",
            (_, p) => { p.Authorization = ApiAuthorization.Iam(); p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; p.UploadsBucket = true; }),

        Construct("tasks-with-status-table", "task queue with its dead-letter queue, worker function on the worker alias and the status table",
            (_, p) => { p.Authorization = ApiAuthorization.Iam(); p.Tasks = new ServerlessWebAppTasksProps(); }),
        Construct("tasks-with-payload-bucket", "task queue with status table and a payload bucket for large task payloads",
            (_, p) => { p.Authorization = ApiAuthorization.Iam(); p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true }; }),
        Construct("keep-warm-and-schedules", "keep-warm rule every 3 minutes and EventBridge Scheduler schedules on the worker alias",
            (_, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.Tasks = new ServerlessWebAppTasksProps { Schedules = Schedules };
                p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true, Rate = Duration.Minutes(3) };
            }),

        Construct("supplied-roles", "every role supplied by the platform team (function, worker, scheduler, asset deployment, bucket notifications), with tasks, payloads, schedules, static files, uploads, a bucket event source and a VPC",
            (stack, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
                p.UploadsBucket = true;
                p.Vpc = ExistingVpc(stack);
                p.Role = SuppliedRole(stack, "WebRole", "swa-web");
                p.AssetDeploymentRole = SuppliedRole(stack, "AssetDeploymentRole", "swa-asset-deployer");
                p.Tasks = new ServerlessWebAppTasksProps
                {
                    PayloadBucket = true,
                    WorkerRole = SuppliedRole(stack, "WorkerRole", "swa-worker"),
                    Schedules = Schedules,
                    ScheduleRole = SuppliedRole(stack, "ScheduleRole", "swa-scheduler"),
                };
                // An instrument bucket whose notifications CDK's helper writes with a role the platform supplies.
                p.EventSources = new ServerlessWebAppEventSourcesProps
                {
                    Sources =
                    [
                        AppEventSource.FromBucket("runs", Amazon.CDK.AWS.S3.Bucket.FromBucketAttributes(stack, "Runs", new Amazon.CDK.AWS.S3.BucketAttributes
                        {
                            BucketName = "lab-sequencing-runs",
                            NotificationsHandlerRole = SuppliedRole(stack, "BucketNotificationsRole", "swa-bucket-notifications"),
                        })),
                    ],
                };
            }) with { SuppliesRoles = true },

        Construct("permissions-boundary", "boundary, role path and name prefix on every created role, CDK's helper roles included (REST API logging role, asset deployment, bucket notifications), with worker and scheduler roles",
            (stack, p) =>
            {
                p.FrontDoor = FrontDoorKind.RestApi;
                p.Authorization = ApiAuthorization.Iam();
                p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
                p.UploadsBucket = true;
                p.Vpc = ExistingVpc(stack);
                p.PermissionsBoundary = ManagedPolicy.FromManagedPolicyName(stack, "Boundary", BoundaryName);
                p.RolePath = "/apps/";
                p.RoleNamePrefix = "swa-";
                p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true, Schedules = Schedules };
                p.EventSources = new ServerlessWebAppEventSourcesProps
                {
                    Sources = [AppEventSource.FromBucket("runs", Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Runs", "lab-sequencing-runs"))],
                };
            }) with { PermissionsBoundaryName = BoundaryName },

        Construct("events", "one event source of every kind on a worker created for them (bucket, topic, queue, table stream, Kinesis stream, EventBridge pattern on a custom bus) with their failure queues, a secret, and the web alias on an existing load balancer's listener",
            (stack, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.EventSources = new ServerlessWebAppEventSourcesProps { Sources = EventSources.EventSourcesStack.Sources(stack) };
                p.Secrets = new Dictionary<string, SecretReference>
                {
                    ["Db:Password"] = SecretReference.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "DbSecret", "foundry/db")),
                };
                p.LoadBalancerTarget = new ServerlessWebAppLoadBalancerTargetProps
                {
                    Listener = Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationListener.FromApplicationListenerAttributes(stack, "Listener",
                        new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationListenerAttributes
                        {
                            ListenerArn = $"arn:aws:elasticloadbalancing:eu-west-1:{Account}:listener/app/org-alb/50dc6c495c0c9188/f2f7dc8efc522ab2",
                            SecurityGroup = SecurityGroup.FromSecurityGroupId(stack, "AlbSecurityGroup", "sg-0123456789abcdef0"),
                        }),
                    Priority = 10,
                    Conditions = [Amazon.CDK.AWS.ElasticLoadBalancingV2.ListenerCondition.PathPatterns(["/foundry/*"])],
                };
            }),

        Construct("encryption-key", "one customer-managed key for every store: static files, uploads, tasks with a payload bucket, keep-warm and schedules",
            (_, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
                p.UploadsBucket = true;
                p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true, Schedules = Schedules };
                p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true };
                p.DataProtection = new ServerlessWebAppDataProtectionProps { EncryptionKey = true };
            }),

        Construct("org-strict", "organisation-strict: passes every AWS Control Tower proactive control that applies. A stack bound to an account, HTTP API with IAM authorization, a VPC, one customer-managed key, logs kept a year, the platform's access-log bucket, Object Lock, tasks with a payload bucket, static files, uploads, keep-warm, schedules, and queue, topic and EventBridge event sources",
            (stack, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
                p.Vpc = ExistingVpc(stack);
                p.LogRetention = RetentionDays.ONE_YEAR;
                p.DataProtection = new ServerlessWebAppDataProtectionProps
                {
                    EncryptionKey = true,
                    AccessLogsBucket = Bucket.FromBucketName(stack, "PlatformAccessLogs", $"platform-access-logs-{Account}-{Region}"),
                    ObjectLockRetention = ObjectLockRetention.Governance(Duration.Days(30)),
                };
                p.UploadsBucket = true;
                p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true, Schedules = Schedules };
                p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true };
                // The platform's queue, topic, table stream and event bus, delivered to the worker.
                p.EventSources = new ServerlessWebAppEventSourcesProps
                {
                    Sources =
                    [
                        AppEventSource.FromQueue("orders", Amazon.CDK.AWS.SQS.Queue.FromQueueArn(stack, "Orders", $"arn:aws:sqs:{Region}:{Account}:platform-orders")),
                        AppEventSource.FromTopic("alerts", Amazon.CDK.AWS.SNS.Topic.FromTopicArn(stack, "Alerts", $"arn:aws:sns:{Region}:{Account}:platform-alerts")),
                        AppEventSource.FromEventPattern("audit", new Amazon.CDK.AWS.Events.EventPattern { Source = ["aws.ec2"] }),
                    ],
                };
            },
            new Amazon.CDK.Environment { Account = Account, Region = Region }) with { OrgStrict = true },

        Construct("domain-cors-routes", "HTTP API with IAM authorization on a custom domain (DNS-validated certificate in a hosted zone, alias record, base path), CORS with credentials, public health and webhook routes and a JWT-authorized admin route",
            (stack, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.Domain = new ServerlessWebAppDomainProps { DomainName = "api.example.com", HostedZone = ExistingZone(stack), BasePath = "foundry" };
                p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["https://app.example.com"], AllowCredentials = true, ExposeHeaders = ["X-Task-Id"] };
                p.Routes =
                [
                    ServerlessWebAppRoute.PublicRoute("GET /health"),
                    ServerlessWebAppRoute.PublicRoute("POST /webhooks/{proxy+}"),
                    ServerlessWebAppRoute.Authorized("ANY /admin/{proxy+}", ApiAuthorization.Jwt("https://issuer.example.com", "foundry-admin")),
                ];
            }),
        Construct("rest-api-domain-cors-routes-waf", "REST API with Cognito authorization on a custom domain (supplied certificate, mutual TLS, default endpoint off), CORS, a public health route, an IAM-authorized internal route, binary media types and a supplied WAF web ACL",
            (stack, p) =>
            {
                p.FrontDoor = FrontDoorKind.RestApi;
                p.Authorization = CognitoOf(stack);
                p.Domain = new ServerlessWebAppDomainProps
                {
                    DomainName = "api.example.com",
                    Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(stack, "Certificate", ExampleArns.Certificate),
                    HostedZone = ExistingZone(stack),
                    TruststoreBucket = Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Truststore", "foundry-truststore"),
                    TruststoreKey = "truststore.pem",
                };
                p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["https://app.example.com"] };
                p.Routes =
                [
                    ServerlessWebAppRoute.PublicRoute("GET /health"),
                    ServerlessWebAppRoute.Authorized("ANY /internal/{proxy+}", ApiAuthorization.Iam()),
                ];
                p.WebAclArn = ExampleArns.WebAcl;
            }),
        Construct("canary-deployment", "canary releases (10 % for 5 minutes) of the web function and the worker through CodeDeploy, every rollback alarm, a management-command pre-traffic hook and a supplied post-traffic hook function",
            (stack, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.Tasks = new ServerlessWebAppTasksProps();
                p.Deployment = new ServerlessWebAppDeploymentProps
                {
                    Traffic = TrafficShift.Canary(10, Duration.Minutes(5)),
                    PreTraffic = DeploymentHook.Command("migrate", "--no-input"),
                    PostTraffic = DeploymentHook.Function(Amazon.CDK.AWS.Lambda.Function.FromFunctionAttributes(stack, "SmokeTest", new Amazon.CDK.AWS.Lambda.FunctionAttributes
                    {
                        FunctionArn = $"arn:aws:lambda:eu-west-1:{Account}:function:smoke-test",
                        SameEnvironment = true,
                    })),
                };
            }),
        Construct("release-supplied-roles", "linear releases with a command hook where every role is supplied (function, worker, CodeDeploy, hook): no IAM resource is created",
            (stack, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.Role = SuppliedRole(stack, "WebRole", "swa-web");
                p.Tasks = new ServerlessWebAppTasksProps { WorkerRole = SuppliedRole(stack, "WorkerRole", "swa-worker") };
                p.Deployment = new ServerlessWebAppDeploymentProps
                {
                    Traffic = TrafficShift.Linear(25, Duration.Minutes(2)),
                    PreTraffic = DeploymentHook.Command("migrate"),
                    Role = SuppliedRole(stack, "ReleaseRole", "swa-codedeploy"),
                    HookRole = SuppliedRole(stack, "HookRole", "swa-release-hook"),
                };
            }) with { SuppliesRoles = true },
        Construct("monitoring", "alarms on errors, throttles, 5xx rate, p99 latency, dead-lettered, failing and waiting tasks, a created alarm topic and a dashboard",
            (_, p) =>
            {
                p.Authorization = ApiAuthorization.Iam();
                p.Tasks = new ServerlessWebAppTasksProps();
                p.Monitoring = new ServerlessWebAppMonitoringProps { Dashboard = true };
            }),

        new("app-dev", "the sample app's dev stage (app/StageSettings.Dev)", () => SampleApp.Value.Dev),
        new("app-prod", "the sample app's prod stage (app/StageSettings.Prod)", () => SampleApp.Value.Prod),
    ];

    private static ComplianceConfiguration Construct(string name, string covers, Action<Stack, ServerlessWebAppProps> configure, Amazon.CDK.Environment? environment = null) =>
        new(name, covers, () =>
        {
            var stack = new Stack(TestFolders.NewApp(), "Compliance", new StackProps { Env = environment });
            var props = new ServerlessWebAppProps { PrebuiltCodePath = PrebuiltApps.FrameworkDependent };
            configure(stack, props);
            _ = new ServerlessWebApp(stack, "WebApp", props);
            return stack;
        });

    private static (Stack Dev, Stack Prod) BuildSampleApp()
    {
        var app = FoundryServiceApp.Build(
            TestFolders.NewApp(new AppProps
            {
                // With a wwwroot, as the sample ships one, so the stages deploy static files as they do for real.
                Context = new Dictionary<string, object> { [FoundryServiceApp.PrebuiltCodePathContext] = PrebuiltApps.FrameworkDependentWithWebRoot },
            }),
            _ => throw new InvalidOperationException("The compliance matrix synthesizes environment-agnostic stages; no account is resolved."));
        Stack StageStack(string stage) => (Stack)app.Node.FindChild(stage).Node.FindChild(FoundryServiceApp.StackName);
        return (StageStack(StageSettings.Dev.Name), StageStack(StageSettings.Prod.Name));
    }

    private static ApiAuthorization CognitoOf(Stack stack) => ApiAuthorization.CognitoUserPool(
        UserPool.FromUserPoolId(stack, "Users", "eu-west-1_Foundry1"),
        UserPoolClient.FromUserPoolClientId(stack, "UsersClient", "foundryclientid0000000000"));

    private static ApiAuthorization LambdaAuthorizerOf(Stack stack) => ApiAuthorization.LambdaAuthorizer(
        Amazon.CDK.AWS.Lambda.Function.FromFunctionArn(stack, "Authorizer", $"arn:aws:lambda:eu-west-1:{Account}:function:authorizer"));

    /// <summary>An imported VPC: the platform's network, not the construct's, so only the construct's resources are checked.</summary>
    private static IVpc ExistingVpc(Stack stack) => Vpc.FromVpcAttributes(stack, "Network", new VpcAttributes
    {
        VpcId = "vpc-0123456789abcdef0",
        AvailabilityZones = ["eu-west-1a", "eu-west-1b"],
        PrivateSubnetIds = ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
    });

    /// <summary>An existing public hosted zone: the platform's DNS, billed where it was created.</summary>
    private static Amazon.CDK.AWS.Route53.IHostedZone ExistingZone(Stack stack) =>
        Amazon.CDK.AWS.Route53.HostedZone.FromHostedZoneAttributes(stack, "Zone", new Amazon.CDK.AWS.Route53.HostedZoneAttributes
        {
            HostedZoneId = "Z0123456789ABCDEFGHIJ",
            ZoneName = "example.com",
        });

    private static IRole SuppliedRole(Stack stack, string id, string name) =>
        Role.FromRoleArn(stack, id, $"arn:aws:iam::{Account}:role/platform/{name}", new FromRoleArnOptions { Mutable = false });
}
