using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CodeDeploy;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Monitoring;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Deployment;

/// <summary>
/// Safe releases: a CodeDeploy application with one deployment group per <c>live</c> alias (web function, worker), the
/// traffic shift, automatic rollback on the release alarms, on a failed hook and on a stopped deployment, the hooks (a
/// supplied function, or a small function that runs a management command on the new version) and CodeDeploy's role.
/// </summary>
internal static class DeploymentBuilder
{
    public const string CodeDeployServicePrincipal = "codedeploy.amazonaws.com";
    private const string PythonRuntime = "python3.13";
    private const double HookMemorySize = 256;
    private const int HookTimeoutMarginSeconds = 60;

    public static DeploymentParts? Build(ServerlessWebApp scope, ServerlessWebAppProps props, FunctionParts web, FunctionParts? worker,
        FrontDoorParts frontDoor, AlarmFactory alarms)
    {
        if (!DeploymentDefaults.UsesCodeDeploy(props)) return null;
        var deployment = props.Deployment!;
        var application = new LambdaApplication(scope, "ReleaseApplication");
        var config = Config(scope, DeploymentDefaults.Traffic(deployment));
        var additional = deployment.Alarms?.Additional ?? [];
        var webAlarms = ReleaseAlarms.Web(alarms, props, web, frontDoor);
        var workerAlarms = worker is null ? [] : ReleaseAlarms.Worker(alarms, props, worker);

        var hookIdentity = deployment.PreTraffic?.CommandName is not null || deployment.PostTraffic?.CommandName is not null
            ? RoleBuilder.ForFunction(scope, "ReleaseHookRole", "deployment-hook", deployment.HookRole, $"{scope.NodePath} release hook function")
            : null;
        var hookDeadLetters = hookIdentity is null ? null : new Queue(scope, "ReleaseHookDeadLetterQueue", SecureQueueDefaults.DeadLetterQueue());
        var preHook = Hook(scope, props, deployment.PreTraffic, "PreTrafficHook", web, hookIdentity, hookDeadLetters);
        var postHook = Hook(scope, props, deployment.PostTraffic, "PostTrafficHook", web, hookIdentity, hookDeadLetters);

        var identity = RoleBuilder.ForService(scope, "ReleaseRole", "deployment", deployment.Role, $"{scope.NodePath} CodeDeploy releases", CodeDeployServicePrincipal);
        // CDK's deployment group would attach AWSCodeDeployRoleForLambdaLimited and grant it every hook; a view that takes
        // no policy keeps the role to the statements below.
        var groupRole = identity.CreatedRole?.WithoutPolicyUpdates() ?? identity.Role;
        var webGroup = Group(scope, "WebRelease", application, config, web, [.. webAlarms, .. additional], groupRole, preHook.Function, postHook.Function);
        var workerGroup = worker is null ? null : Group(scope, "WorkerRelease", application, config, worker, [.. workerAlarms, .. additional], groupRole, null, null);

        identity.Grant(ReleaseRoleStatements(web, worker, [.. webAlarms, .. workerAlarms], [.. additional], preHook.Function, postHook.Function));
        if (hookIdentity is not null)
        {
            var statements = new List<PolicyStatement>();
            foreach (var hook in new[] { preHook, postHook }.Where(h => h.Logs is not null))
                statements.Add(FunctionPermissions.WriteLogs(hook.Logs!));
            if (FunctionDefaults.Tracing(props) == Tracing.ACTIVE) statements.Add(FunctionPermissions.WriteTraces());
            statements.Add(FunctionPermissions.SendToDeadLetterQueue(hookDeadLetters!));
            statements.Add(Statements.Allow(["lambda:InvokeFunction"], web.Function.CurrentVersion.FunctionArn));
            statements.Add(Statements.Allow(["codedeploy:PutLifecycleEventHookExecutionStatus"], webGroup.DeploymentGroupArn));
            hookIdentity.Grant([.. statements]);
        }

        _ = new CfnOutput(scope, "ReleaseApplicationName", new CfnOutputProps
        {
            Value = application.ApplicationName,
            Description = $"{scope.NodePath}: CodeDeploy application of its releases (aws deploy list-deployments --application-name ...)",
        });
        return new DeploymentParts(webGroup, workerGroup, [.. webAlarms, .. workerAlarms], identity, preHook.Function, postHook.Function, hookIdentity, hookDeadLetters);
    }

    private static ILambdaDeploymentConfig Config(ServerlessWebApp scope, TrafficShift traffic) => traffic.Kind switch
    {
        TrafficShiftKind.Canary => new LambdaDeploymentConfig(scope, "ReleaseTraffic", new LambdaDeploymentConfigProps
        {
            TrafficRouting = TrafficRouting.TimeBasedCanary(new TimeBasedCanaryTrafficRoutingProps { Percentage = traffic.Percentage, Interval = traffic.Interval! }),
        }),
        TrafficShiftKind.Linear => new LambdaDeploymentConfig(scope, "ReleaseTraffic", new LambdaDeploymentConfigProps
        {
            TrafficRouting = TrafficRouting.TimeBasedLinear(new TimeBasedLinearTrafficRoutingProps { Percentage = traffic.Percentage, Interval = traffic.Interval! }),
        }),
        _ => LambdaDeploymentConfig.ALL_AT_ONCE,
    };

    private static LambdaDeploymentGroup Group(ServerlessWebApp scope, string id, LambdaApplication application, ILambdaDeploymentConfig config,
        FunctionParts function, IAlarm[] alarms, IRole role, IFunction? preHook, IFunction? postHook) =>
        new(scope, id, new LambdaDeploymentGroupProps
        {
            Application = application,
            Alias = function.Alias,
            DeploymentConfig = config,
            Alarms = alarms,
            Role = role,
            PreHook = preHook,
            PostHook = postHook,
            AutoRollback = new AutoRollbackConfig
            {
                FailedDeployment = true,
                StoppedDeployment = true,
                DeploymentInAlarm = alarms.Length > 0,
            },
        });

    /// <summary>
    /// What CodeDeploy needs, and no more: read and move the aliases (and their provisioned concurrency), read the
    /// alarms it watches, invoke the hooks.
    /// </summary>
    private static PolicyStatement[] ReleaseRoleStatements(FunctionParts web, FunctionParts? worker, Alarm[] alarms, IAlarm[] additional,
        IFunction? preHook, IFunction? postHook)
    {
        var aliases = new[] { web, worker }.OfType<FunctionParts>().SelectMany(f => new[] { f.Function.FunctionArn, f.Alias.FunctionArn }).ToArray();
        var statements = new List<PolicyStatement>
        {
            Statements.Allow(["lambda:GetAlias", "lambda:UpdateAlias", "lambda:GetProvisionedConcurrencyConfig"], aliases),
        };
        var alarmArns = alarms.Select(a => a.AlarmArn).Concat(additional.Select(a => a.AlarmArn)).ToArray();
        if (alarmArns.Length > 0) statements.Add(Statements.Allow(["cloudwatch:DescribeAlarms"], alarmArns));
        var hooks = new[] { preHook, postHook }.OfType<IFunction>().Select(h => h.FunctionArn).ToArray();
        if (hooks.Length > 0) statements.Add(Statements.Allow(["lambda:InvokeFunction"], hooks));
        return [.. statements];
    }

    /// <summary>A hook: the supplied function, or a function that runs the management command on the web function's new version.</summary>
    private static (IFunction? Function, ILogGroup? Logs) Hook(ServerlessWebApp scope, ServerlessWebAppProps props, DeploymentHook? hook, string id,
        FunctionParts web, FunctionIdentity? identity, IQueue? deadLetters)
    {
        if (hook is null) return (null, null);
        if (hook.HookFunction is { } supplied) return (supplied, null);

        var logs = new LogGroup(scope, $"{id}Logs", new LogGroupProps
        {
            EncryptionKey = scope.Key,
            Retention = FunctionDefaults.LogRetention(props),
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        var invokeTimeout = (int)FunctionDefaults.Timeout(props).ToSeconds() + 5;
        var commandEvent = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [SwaControlEvent.Command] = hook.CommandName!,
            [SwaControlEvent.Args] = hook.CommandArgs,
        });
        var function = new Amazon.CDK.AWS.Lambda.Function(scope, id, new FunctionProps
        {
            Runtime = new Runtime(PythonRuntime, RuntimeFamily.PYTHON, new LambdaRuntimeProps { SupportsInlineCode = true }),
            Handler = CommandHookCode.Handler,
            Code = Code.FromInline(CommandHookCode.Source),
            Architecture = Architecture.ARM_64,
            Description = $"{scope.NodePath} release hook: runs '{hook.CommandName}' on the web function's new version",
            MemorySize = HookMemorySize,
            Timeout = Duration.Seconds(Math.Min(900, invokeTimeout + HookTimeoutMarginSeconds)),
            Tracing = FunctionDefaults.Tracing(props),
            LogGroup = logs,
            Role = identity!.Role,
            DeadLetterQueueEnabled = true,
            DeadLetterQueue = deadLetters,
            Environment = new Dictionary<string, string>
            {
                [CommandHookCode.TargetVariable] = web.Function.CurrentVersion.FunctionArn,
                [CommandHookCode.EventVariable] = commandEvent,
                [CommandHookCode.TimeoutVariable] = invokeTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        return (function, logs);
    }
}
