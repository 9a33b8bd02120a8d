using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Network;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Functions;

/// <summary>
/// Builds a function of the app (the web function, and the same way any further function such as a task worker):
/// code, settings, JSON logs into its own log group, secrets by reference, DLQ, a published version and the
/// <c>live</c> alias that every trigger targets.
/// </summary>
internal static class FunctionBuilder
{
    public static FunctionParts Build(
        ServerlessWebApp scope, string id, ServerlessWebAppProps props, AppCode code, NetworkPlacement? network,
        string functionRole, Amazon.CDK.AWS.IAM.IRole? suppliedRole, Duration? timeout = null, double? memorySize = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // Concurrency settings size the web function; a worker is capped by its event source's MaxConcurrency instead,
        // and provisioned concurrency (billed by the hour) is never copied onto it.
        var isWeb = functionRole == SwaEnvironment.WebRole;
        var scopePath = scope.NodePath;
        var identity = RoleBuilder.ForFunction(scope, $"{id}Role", functionRole, suppliedRole, $"{scopePath} {functionRole} function");
        var key = scope.Key;
        var logGroup = new LogGroup(scope, $"{id}Logs", new LogGroupProps
        {
            Retention = FunctionDefaults.LogRetention(props),
            RemovalPolicy = RemovalPolicy.RETAIN,
            EncryptionKey = key,
        });
        var deadLetterQueue = FunctionDefaults.DeadLetterQueueEnabled(props)
            ? new Queue(scope, $"{id}DeadLetterQueue", SecureQueueDefaults.DeadLetterQueue(key))
            : null;
        var tracing = FunctionDefaults.Tracing(props);

        var function = new Amazon.CDK.AWS.Lambda.Function(scope, id, new FunctionProps
        {
            Code = code.Code,
            Runtime = code.Runtime,
            Handler = code.Handler,
            Architecture = code.Target.Architecture,
            Description = $"{scopePath} ({functionRole})",
            MemorySize = memorySize ?? props.MemorySize ?? FunctionDefaults.MemorySize,
            Timeout = timeout ?? FunctionDefaults.Timeout(props),
            EphemeralStorageSize = FunctionDefaults.EphemeralStorage(props),
            Environment = Environment(props, functionRole, environment),
            EnvironmentEncryption = key,
            ReservedConcurrentExecutions = isWeb ? props.ReservedConcurrentExecutions : null,
            Tracing = tracing,
            LoggingFormat = LoggingFormat.JSON,
            ApplicationLogLevelV2 = FunctionDefaults.ApplicationLogLevel(props),
            SystemLogLevelV2 = SystemLogLevel.INFO,
            LogGroup = logGroup,
            Role = identity.Role,
            DeadLetterQueueEnabled = deadLetterQueue is not null ? true : null,
            DeadLetterQueue = deadLetterQueue,
            Vpc = network?.Vpc,
            VpcSubnets = network?.Subnets,
            SecurityGroups = network?.SecurityGroups,
        });

        GrantBaseline(identity, logGroup, tracing, deadLetterQueue, network, key);
        GrantSecrets(identity, props);

        var alias = new Alias(scope, $"{id}LiveAlias", new AliasProps
        {
            AliasName = FunctionDefaults.AliasName,
            Version = function.CurrentVersion,
            ProvisionedConcurrentExecutions = isWeb ? props.ProvisionedConcurrentExecutions : null,
        });
        return new FunctionParts(function, alias, identity, logGroup, deadLetterQueue);
    }

    /// <summary>
    /// The .NET process settings (replaceable by user variables of the same name), user variables,
    /// secret references (names/ARNs only) and the construct/runtime contract variables, among them the front door's
    /// stage for the web function and the <paramref name="contract"/> variables already known when the function is created.
    /// </summary>
    /// <remarks>
    /// Passed at creation rather than with <c>AddEnvironment</c> afterwards: one jsii round trip less per variable, and
    /// the same template (the function renders its variables sorted by name because it has a published version).
    /// </remarks>
    internal static Dictionary<string, string> Environment(
        ServerlessWebAppProps props, string functionRole, IReadOnlyDictionary<string, string>? contract = null)
    {
        var environment = new Dictionary<string, string>(FunctionDefaults.ProcessSettings(props));
        foreach (var (name, value) in props.Environment ?? new Dictionary<string, string>()) environment[name] = value;
        environment[SwaEnvironment.FunctionRole] = functionRole;
        if (functionRole == SwaEnvironment.WebRole && FrontDoorDefaults.StageName(props) is { } stage) environment[SwaEnvironment.Stage] = stage;
        foreach (var (name, value) in contract ?? new Dictionary<string, string>()) environment[name] = value;
        if (props.Secrets is { Count: > 0 } secrets)
        {
            environment[SwaEnvironment.Secrets] = string.Join(SwaNames.EntrySeparator, secrets
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{s.Key}{SwaNames.NameValueSeparator}{s.Value.ParameterStoreName}"));
        }
        return environment;
    }

    private static void GrantBaseline(
        FunctionIdentity identity, ILogGroup logGroup, Tracing tracing, IQueue? deadLetterQueue, NetworkPlacement? network, Amazon.CDK.AWS.KMS.IKey? key)
    {
        var statements = new List<Amazon.CDK.AWS.IAM.PolicyStatement> { FunctionPermissions.WriteLogs(logGroup) };
        if (key is not null) statements.Add(FunctionPermissions.UseKey(key));
        if (tracing == Tracing.ACTIVE) statements.Add(FunctionPermissions.WriteTraces());
        if (deadLetterQueue is not null) statements.Add(FunctionPermissions.SendToDeadLetterQueue(deadLetterQueue));
        if (network is not null) statements.Add(FunctionPermissions.ManageNetworkInterfaces());
        identity.Grant([.. statements]);
    }

    /// <summary>
    /// Read access to each secret: the parameter (and its key), or the Secrets Manager secret (and its key) plus
    /// <c>ssm:GetParameters</c> on its Parameter Store reference, through which the runtime reads it.
    /// </summary>
    private static void GrantSecrets(FunctionIdentity identity, ServerlessWebAppProps props)
    {
        foreach (var reference in props.Secrets?.Values ?? Enumerable.Empty<SecretReference>())
        {
            if (reference.Parameter is not null)
            {
                reference.Parameter.GrantRead(identity.PermissionsTarget);
                continue;
            }
            reference.Secret!.GrantRead(identity.PermissionsTarget);
            identity.Grant(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
            {
                Actions = ["ssm:GetParameters"],
                Resources = [Stack.Of(reference.Secret).FormatArn(new ArnComponents
                {
                    Service = "ssm",
                    Resource = "parameter",
                    ResourceName = reference.ParameterStoreName.TrimStart('/'),
                })],
            }));
        }
    }
}
