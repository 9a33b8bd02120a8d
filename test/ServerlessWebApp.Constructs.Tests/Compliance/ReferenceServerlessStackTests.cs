using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.TestSupport;
using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using Serverless.WebApp.Constructs.Compliance;
using Serverless.WebApp.Constructs.Nag;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// A hand-built Lambda + HTTP API + SQS + S3 + EventBridge stack of plain CDK resources that passes the gate with
/// only the suppressions docs/security.md allows: it pins down which settings satisfy each AwsSolutions and
/// Serverless rule, as a recipe for the construct's defaults.
/// </summary>
[Collection("cdk")]
public class ReferenceServerlessStackTests
{
    private static readonly string SelfTestDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "compliance-selftest");

    [Fact]
    public void SecureServerlessStackPassesWithOnlyTheDocumentedSuppressions()
    {
        // GIVEN the reference stack
        var stack = new Stack(TestFolders.NewApp(), "Reference");
        Build(stack);

        // WHEN the gate checks it
        var report = ComplianceGate.Run("reference", stack, SelfTestDirectory);

        // THEN nothing is left but the four documented, per-finding suppressions
        ComplianceGate.FailOnFindings("reference", stack, report);
        Assert.Equal(
            new[] { "AwsSolutions-IAM5[Resource::*]", "AwsSolutions-IAM5[Resource::<Assets", "Serverless-LambdaEventSourceMappingDestination", "Serverless-SQSRedrivePolicy" },
            report.Suppressed.Select(s => s.Rule.StartsWith("AwsSolutions-IAM5[Resource::<Assets", StringComparison.Ordinal) ? "AwsSolutions-IAM5[Resource::<Assets" : s.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecureServerlessStackHasNoWildcardActions()
    {
        // GIVEN the reference stack in an app held to NoWildcardActionsAspect
        var app = TestFolders.NewApp();
        Aspects.Of(app).Add(new NoWildcardActionsAspect());
        var stack = new Stack(app, "Reference");
        Build(stack);

        // WHEN synthesized THEN no statement allows a wildcard action (X-Ray's Resource "*" is not an action wildcard)
        Assert.Empty(Amazon.CDK.Assertions.Annotations.FromStack(stack).FindError("*", Amazon.CDK.Assertions.Match.AnyValue()));
    }

    private static string LogicalId(Stack stack, IConstruct construct) =>
        stack.Resolve(((CfnElement)(construct as CfnElement ?? construct.Node.DefaultChild!)).LogicalId).ToString()!;

    private static void Build(Stack stack)
    {
        var logs = new LogGroup(stack, "FunctionLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        var deadLetters = new Queue(stack, "DeadLetters", new QueueProps
        {
            EnforceSSL = true, Encryption = QueueEncryption.SQS_MANAGED, RetentionPeriod = Duration.Days(14),
        });
        NagAcknowledgement.AddTo(deadLetters, "Serverless-SQSRedrivePolicy", "Terminal dead-letter queue: it collects what every other async path failed to process.");
        var tasks = new Queue(stack, "Tasks", new QueueProps
        {
            EnforceSSL = true, Encryption = QueueEncryption.SQS_MANAGED, VisibilityTimeout = Duration.Seconds(180),
            DeadLetterQueue = new DeadLetterQueue { Queue = deadLetters, MaxReceiveCount = 3 },
        });

        var accessLogs = new Bucket(stack, "AccessLogs", new BucketProps
        {
            EnforceSSL = true, Encryption = BucketEncryption.S3_MANAGED, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, Versioned = true,
        });
        var assets = new Bucket(stack, "Assets", new BucketProps
        {
            EnforceSSL = true, Encryption = BucketEncryption.S3_MANAGED, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, Versioned = true,
            ServerAccessLogsBucket = accessLogs, ServerAccessLogsPrefix = "assets/",
            LifecycleRules = [new LifecycleRule { NoncurrentVersionExpiration = Duration.Days(30) }],
        });

        // One role with named actions only; the construct's own policy statements look like these.
        var role = new Role(stack, "WebRole", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        role.AddToPolicy(Statement(["logs:CreateLogStream", "logs:PutLogEvents"], logs.LogGroupArn));
        role.AddToPolicy(Statement(["s3:GetObject"], assets.ArnForObjects("*")));
        role.AddToPolicy(Statement(["sqs:SendMessage"], tasks.QueueArn));

        var function = new Amazon.CDK.AWS.Lambda.Function(stack, "Web", new FunctionProps
        {
            Runtime = new Runtime("dotnet10", RuntimeFamily.DOTNET_CORE),
            Handler = "FoundryService",
            Code = Code.FromBucket(Bucket.FromBucketName(stack, "CodeBucket", "code-bucket"), "app.zip"),
            Role = role,
            MemorySize = 1024,
            Timeout = Duration.Seconds(30),
            Tracing = Tracing.ACTIVE,
            LogGroup = logs,
            LoggingFormat = LoggingFormat.JSON,
            ApplicationLogLevelV2 = ApplicationLogLevel.INFO,
            DeadLetterQueue = deadLetters,
        });
        var policy = role.Node.FindChild("DefaultPolicy");
        NagAcknowledgement.AddTo(policy, "AwsSolutions-IAM5", "X-Ray PutTraceSegments/PutTelemetryRecords accept only Resource '*'.", "Resource::*");
        NagAcknowledgement.AddTo(policy, "AwsSolutions-IAM5", "Objects of the app's own assets bucket are addressed as <bucket ARN>/*.",
            $"Resource::<{LogicalId(stack, assets)}.Arn>/*");

        var live = new Alias(stack, "Live", new AliasProps { AliasName = "live", Version = function.CurrentVersion });

        // Tasks: SQS event source; failures go to the queue's redrive dead-letter queue.
        var source = new SqsEventSource(tasks, new SqsEventSourceProps { ReportBatchItemFailures = true });
        live.AddEventSource(source);
        NagAcknowledgement.AddTo(live.Node.FindAll().OfType<CfnEventSourceMapping>().Single(), "Serverless-LambdaEventSourceMappingDestination",
            "SQS event sources do not support OnFailure destinations; failed messages go to the queue's redrive dead-letter queue.");

        // HTTP API with IAM authorization, JSON access logs and stage throttling.
        var apiLogs = new LogGroup(stack, "ApiLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        var api = new HttpApi(stack, "Api", new HttpApiProps { CreateDefaultStage = false });
        api.AddRoutes(new AddRoutesOptions
        {
            Path = "/{proxy+}",
            Methods = [HttpMethod.ANY],
            Integration = new HttpLambdaIntegration("Web", live),
            Authorizer = new HttpIamAuthorizer(),
        });
        new CfnStage(stack, "ApiStage", new CfnStageProps
        {
            ApiId = api.ApiId,
            StageName = "$default",
            AutoDeploy = true,
            AccessLogSettings = new CfnStage.AccessLogSettingsProperty
            {
                DestinationArn = apiLogs.LogGroupArn,
                Format = "{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}",
            },
            DefaultRouteSettings = new CfnStage.RouteSettingsProperty { ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 },
        });

        // Keep-warm rule whose target has a dead-letter queue and retries.
        new Rule(stack, "KeepWarm", new RuleProps { Schedule = Schedule.Rate(Duration.Minutes(5)) })
            .AddTarget(new LambdaFunction(live, new LambdaFunctionProps { DeadLetterQueue = deadLetters, RetryAttempts = 2 }));
    }

    private static PolicyStatement Statement(string[] actions, string resource) =>
        new(new PolicyStatementProps { Actions = actions, Resources = [resource] });
}
