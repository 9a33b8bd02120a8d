using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Every check of <see cref="ServerlessWebAppProps"/>, in one place, run before any resource is created. Each
/// error names the property and the allowed values.
/// </summary>
internal static partial class ServerlessWebAppPropsValidator
{
    public const int MinMemory = 128, MaxMemory = 10240;
    public const int MinTimeoutSeconds = 1, MaxTimeoutSeconds = 900;
    public const int MinEphemeralMebibytes = 512, MaxEphemeralMebibytes = 10240;
    private static readonly string[] ReservedPrefixes = { "AWS_", "LAMBDA_", "SWA_" };
    private static readonly string[] ReservedNames = { "_HANDLER", "_X_AMZN_TRACE_ID", "TZ" };

    public static void Validate(string constructPath, ServerlessWebAppProps props)
    {
        var errors = new Reporter(constructPath);
        ValidateCode(errors, props);
        ValidateFunction(errors, props);
        ValidateFrontDoor(errors, props);
        ValidateVpc(errors, props);
        ValidateIam(errors, props);
        ValidateAssets(errors, props);
        ValidateTasks(errors, props);
        ValidateKeepWarm(errors, props);
        ValidateSchedules(errors, props);
        ValidateManagementCommands(errors, props);
    }

    private static void ValidateTasks(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.Tasks is not { } tasks)
        {
            if (props.WorkerRole is not null)
                errors.Fail(nameof(props.WorkerRole), "is set but Tasks is not, so there is no worker; allowed: WorkerRole only together with Tasks");
            return;
        }
        if (tasks.WorkerTimeout is { } timeout)
        {
            var ms = timeout.ToMilliseconds();
            if (ms < MinTimeoutSeconds * 1000 || ms > MaxTimeoutSeconds * 1000 || ms % 1000 != 0)
                errors.Fail("Tasks.WorkerTimeout", $"{timeout.ToHumanString()} is out of range; allowed: whole seconds from {MinTimeoutSeconds} to {MaxTimeoutSeconds} (Lambda's limit)");
        }
        if (tasks.WorkerMemorySize is { } memory && (memory < MinMemory || memory > MaxMemory || memory % 1 != 0))
            errors.Fail("Tasks.WorkerMemorySize", $"{memory} is out of range; allowed: whole MB from {MinMemory} to {MaxMemory}");
        if (tasks.BatchSize is { } batch && (batch < 1 || batch > 10000))
            errors.Fail("Tasks.BatchSize", $"{batch} is out of range; allowed: 1 to 10000");
        double windowSeconds = 0;
        if (tasks.MaxBatchingWindow is { } window)
        {
            var ms = window.ToMilliseconds();
            windowSeconds = ms / 1000;
            if (ms < 0 || ms > 300_000 || ms % 1000 != 0)
                errors.Fail("Tasks.MaxBatchingWindow", $"{window.ToHumanString()} is out of range; allowed: whole seconds from 0 to 300");
        }
        if (tasks.BatchSize > 10 && windowSeconds < 1)
            errors.Fail("Tasks.BatchSize", $"{tasks.BatchSize} needs Tasks.MaxBatchingWindow of at least 1 second; allowed: 1 to 10 without a batching window");
        if (tasks.MaxConcurrency is { } concurrency && (concurrency < 2 || concurrency > 1000))
            errors.Fail("Tasks.MaxConcurrency", $"{concurrency} is out of range; allowed: 2 to 1000 (Lambda's limit for SQS event sources)");
        if (tasks.MaxReceiveCount is { } receives && (receives < 1 || receives > 1000))
            errors.Fail("Tasks.MaxReceiveCount", $"{receives} is out of range; allowed: 1 to 1000");
        if (props.Role is not null && props.WorkerRole is null)
            errors.Fail(nameof(props.WorkerRole),
                "is required: Role is supplied, so no role may be created for the task worker; allowed: a supplied WorkerRole, or no Role");
    }

    private static void ValidateKeepWarm(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.KeepWarmRate is not { } rate) return;
        if (props.KeepWarm == false)
            errors.Fail(nameof(props.KeepWarmRate), "is set but KeepWarm is false; allowed: KeepWarmRate only with KeepWarm on");
        var ms = rate.ToMilliseconds();
        if (ms % 60_000 != 0 || ms < 60_000 || ms > 3_600_000)
            errors.Fail(nameof(props.KeepWarmRate), $"{rate.ToHumanString()} is invalid; allowed: whole minutes from 1 to 60 (Lambda reclaims idle environments within minutes)");
    }

    private static void ValidateSchedules(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.Schedules is not { Count: > 0 } schedules)
        {
            if (props.ScheduleRole is not null)
                errors.Fail(nameof(props.ScheduleRole), "is set but there are no Schedules; allowed: ScheduleRole only together with Schedules");
            return;
        }
        if (props.Tasks is null)
            errors.Fail(nameof(props.Schedules),
                "need Tasks: a schedule invokes the task worker, which runs the task with its timeout, retries and status table; allowed: set Tasks, or no Schedules");
        if ((props.Role is not null || props.WorkerRole is not null) && props.ScheduleRole is null)
            errors.Fail(nameof(props.ScheduleRole),
                "is required: roles are supplied, so no role may be created for EventBridge Scheduler; allowed: a supplied ScheduleRole, or no Schedules");
        try
        {
            Tasks.TasksValidation.ValidateSchedules(schedules, nameof(props.Schedules));
        }
        catch (ArgumentException e)
        {
            errors.FailWith(nameof(props.Schedules), e.Message);
        }
    }

    private static void ValidateManagementCommands(Reporter errors, ServerlessWebAppProps props)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var commands = props.ManagementCommands ?? Array.Empty<string>();
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (!Tasks.TasksValidation.IsCommandName(command))
                errors.Fail($"{nameof(props.ManagementCommands)}[{i}]", $"'{command}' is invalid; allowed: {Tasks.TasksValidation.CommandNameRule}, as MapCommand accepts");
            if (!seen.Add(command!))
                errors.Fail($"{nameof(props.ManagementCommands)}[{i}]", $"'{command}' is listed twice; allowed: each command once");
        }
    }

    private static void ValidateCode(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.ProjectPath is null == (props.PrebuiltCodePath is null))
        {
            errors.Fail(nameof(props.ProjectPath), "and PrebuiltCodePath: set exactly one; allowed: ProjectPath = a .csproj to publish, or PrebuiltCodePath = a published directory or .zip");
        }
        if (props.ProjectPath is not null)
        {
            if (!props.ProjectPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                errors.Fail(nameof(props.ProjectPath), $"'{props.ProjectPath}' is not a project file; allowed: a path to a .csproj");
            if (!File.Exists(props.ProjectPath))
                errors.Fail(nameof(props.ProjectPath), $"'{Path.GetFullPath(props.ProjectPath)}' does not exist; allowed: a path to an existing .csproj");
        }

        var target = FunctionDefaults.Target(props);
        if (target.Mode == PublishMode.NativeAot && target.Architecture.Name != PublishTarget.BuildMachineArchitecture.Name)
        {
            errors.Fail(nameof(props.Architecture),
                $"'{target.Architecture.Name}' cannot be built with PublishMode.NativeAot on this {PublishTarget.BuildMachineArchitecture.Name} machine " +
                "(Native AOT does not cross-compile without a cross toolchain); allowed: " +
                $"'{PublishTarget.BuildMachineArchitecture.Name}' (or omit it), or PublishMode.ReadyToRun / FrameworkDependent for {target.Architecture.Name}");
        }

        if (props.PrebuiltCodePath is not null) ValidatePrebuilt(errors, props, target);
    }

    private static void ValidatePrebuilt(Reporter errors, ServerlessWebAppProps props, PublishTarget target)
    {
        var path = props.PrebuiltCodePath!;
        var isZip = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        if (!(Directory.Exists(path) || (isZip && File.Exists(path))))
        {
            errors.Fail(nameof(props.PrebuiltCodePath), $"'{Path.GetFullPath(path)}' does not exist; allowed: an existing directory or .zip file");
        }
        if (Directory.Exists(path) && target.IsSelfContained && !File.Exists(Path.Combine(path, PublishTarget.BootstrapFileName)))
        {
            errors.Fail(nameof(props.PrebuiltCodePath), $"'{path}' has no 'bootstrap' file, which PublishMode.{target.Mode} on provided.al2023 starts; allowed: a self-contained publish output with an executable 'bootstrap'");
        }
        if (!target.IsSelfContained && props.AssemblyName is null && CodeBuilder.AssemblyNameOfPrebuilt(path) is null)
        {
            errors.Fail(nameof(props.AssemblyName), $"is required: the app's assembly cannot be found in '{path}' (no single *.runtimeconfig.json); allowed: the assembly name, e.g. \"FoundryService\"");
        }
    }

    private static void ValidateFunction(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.MemorySize is { } memory && (memory < MinMemory || memory > MaxMemory || memory % 1 != 0))
            errors.Fail(nameof(props.MemorySize), $"{memory} is out of range; allowed: whole MB from {MinMemory} to {MaxMemory}");

        var frontDoor = FrontDoorDefaults.Kind(props);
        var maxTimeout = Math.Min(MaxTimeoutSeconds, FrontDoorDefaults.MaxTimeoutSeconds(frontDoor));
        if (props.Timeout is { } timeout)
        {
            var ms = timeout.ToMilliseconds();
            if (ms < MinTimeoutSeconds * 1000 || ms > MaxTimeoutSeconds * 1000 || ms % 1000 != 0)
                errors.Fail(nameof(props.Timeout), $"{timeout.ToHumanString()} is out of range; allowed: whole seconds from {MinTimeoutSeconds} to {MaxTimeoutSeconds}");
            else if (ms > maxTimeout * 1000)
                errors.Fail(nameof(props.Timeout), $"{timeout.ToHumanString()} is longer than a {frontDoor} waits; allowed: {MinTimeoutSeconds} to {maxTimeout} seconds with FrontDoor {frontDoor} (use FrontDoor FunctionUrl or None, or tasks, for longer work)");
        }

        if (props.EphemeralStorageSize is { } storage)
        {
            var mib = storage.ToMebibytes();
            if (mib < MinEphemeralMebibytes || mib > MaxEphemeralMebibytes)
                errors.Fail(nameof(props.EphemeralStorageSize), $"{mib} MB is out of range; allowed: {MinEphemeralMebibytes} to {MaxEphemeralMebibytes} MB");
        }

        foreach (var name in props.Environment?.Keys ?? Enumerable.Empty<string>())
            ValidateVariableName(errors, nameof(props.Environment), name);
        foreach (var (name, reference) in props.Secrets ?? new Dictionary<string, SecretReference>())
        {
            ValidateVariableName(errors, nameof(props.Secrets), name);
            if (reference is null) errors.Fail(nameof(props.Secrets), $"'{name}' has no reference; allowed: SecretReference.FromSsmParameter(...) or SecretReference.FromSecretsManager(...)");
            if (props.Environment?.ContainsKey(name) == true)
                errors.Fail(nameof(props.Secrets), $"'{name}' is also set in Environment; allowed: each variable name in only one of Environment and Secrets");
        }

        if (props.ReservedConcurrentExecutions is { } reserved && (reserved < 0 || reserved % 1 != 0))
            errors.Fail(nameof(props.ReservedConcurrentExecutions), $"{reserved} is invalid; allowed: a whole number, 0 or more");
        if (props.ProvisionedConcurrentExecutions is { } provisioned)
        {
            if (provisioned < 1 || provisioned % 1 != 0)
                errors.Fail(nameof(props.ProvisionedConcurrentExecutions), $"{provisioned} is invalid; allowed: a whole number, 1 or more (omit it for none)");
            else if (props.ReservedConcurrentExecutions is { } cap && provisioned > cap)
                errors.Fail(nameof(props.ProvisionedConcurrentExecutions), $"{provisioned} exceeds ReservedConcurrentExecutions {cap}; allowed: 1 to {cap}");
        }
    }

    private static void ValidateVariableName(Reporter errors, string property, string name)
    {
        if (!VariableName().IsMatch(name))
            errors.Fail(property, $"name '{name}' is invalid; allowed: a letter followed by letters, digits and '_'");
        var reserved = ReservedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (reserved is not null || ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            errors.Fail(property, $"name '{name}' is reserved by Lambda or this construct; allowed: names not starting with {string.Join(", ", ReservedPrefixes)} and none of {string.Join(", ", ReservedNames)}");
    }

    private static void ValidateFrontDoor(Reporter errors, ServerlessWebAppProps props)
    {
        var kind = FrontDoorDefaults.Kind(props);
        var hasApi = kind is FrontDoorKind.HttpApi or FrontDoorKind.RestApi;

        if (props.StageName is { } stage)
        {
            if (!hasApi)
                errors.Fail(nameof(props.StageName), $"is set but FrontDoor {kind} has no stages; allowed: StageName only with FrontDoor HttpApi or RestApi");
            else if (!(StageName().IsMatch(stage) || (kind == FrontDoorKind.HttpApi && stage == FrontDoorDefaults.HttpApiDefaultStage)))
                errors.Fail(nameof(props.StageName), $"'{stage}' is invalid; allowed: 1 to 128 letters, digits, '-' and '_'" + (kind == FrontDoorKind.HttpApi ? ", or '$default'" : ""));
        }

        if (!hasApi && (props.ThrottlingRateLimit is not null || props.ThrottlingBurstLimit is not null))
            errors.Fail(nameof(props.ThrottlingRateLimit), $"and ThrottlingBurstLimit apply to API stages, not FrontDoor {kind}; allowed: FrontDoor HttpApi or RestApi (cap a function URL with ReservedConcurrentExecutions)");
        if (props.ThrottlingRateLimit is < 0) errors.Fail(nameof(props.ThrottlingRateLimit), $"{props.ThrottlingRateLimit} is negative; allowed: 0 or more requests per second");
        if (props.ThrottlingBurstLimit is { } burst && (burst < 0 || burst % 1 != 0)) errors.Fail(nameof(props.ThrottlingBurstLimit), $"{burst} is invalid; allowed: a whole number of requests, 0 or more");
        if (props.RestApiCloudWatchRole is not null && kind != FrontDoorKind.RestApi)
            errors.Fail(nameof(props.RestApiCloudWatchRole), $"is set but FrontDoor is {kind}; allowed: only with FrontDoor RestApi");

        ValidateAuthorization(errors, props, kind);
    }

    private static void ValidateAuthorization(Reporter errors, ServerlessWebAppProps props, FrontDoorKind kind)
    {
        var auth = props.Authorization;
        var isPublic = props.PublicAccess == true;
        if (kind == FrontDoorKind.None)
        {
            if (auth is not null || isPublic)
                errors.Fail(auth is not null ? nameof(props.Authorization) : nameof(props.PublicAccess), "is set but FrontDoor is None (no entry point); allowed: FrontDoor HttpApi, RestApi or FunctionUrl, or leave it unset");
            return;
        }
        if (auth is null && !isPublic)
        {
            errors.Fail(nameof(props.Authorization),
                $"is required: FrontDoor {kind} would be open to anyone; allowed: " + string.Join(", ", AllowedAuthorizations(kind)) +
                ", or PublicAccess = true to acknowledge a deliberately public API");
        }
        if (auth is not null && isPublic)
            errors.Fail(nameof(props.PublicAccess), "is true but Authorization is also set; allowed: either an Authorization or PublicAccess = true, not both");
        if (auth is null) return;

        if (!AllowedKinds(kind).Contains(auth.Kind))
            errors.Fail(nameof(props.Authorization), $"{auth.Kind} is not available on FrontDoor {kind}; allowed: {string.Join(", ", AllowedAuthorizations(kind))}");
        switch (auth.Kind)
        {
            case ApiAuthorizationKind.Jwt when auth.JwtIssuer is null || !auth.JwtIssuer.StartsWith("https://", StringComparison.Ordinal):
                errors.Fail(nameof(props.Authorization), $"Jwt issuer '{auth.JwtIssuer}' is invalid; allowed: an https:// issuer URL");
                break;
            case ApiAuthorizationKind.Jwt when auth.JwtAudiences.Count == 0:
                errors.Fail(nameof(props.Authorization), "Jwt has no audience; allowed: one or more audiences (client ids)");
                break;
            case ApiAuthorizationKind.CognitoUserPool when auth.UserPool is null:
                errors.Fail(nameof(props.Authorization), "CognitoUserPool has no user pool; allowed: an IUserPool");
                break;
            case ApiAuthorizationKind.CognitoUserPool when kind == FrontDoorKind.HttpApi && auth.UserPoolClients.Count == 0:
                errors.Fail(nameof(props.Authorization), "CognitoUserPool on an HttpApi needs the accepted app clients; allowed: one or more IUserPoolClient");
                break;
            case ApiAuthorizationKind.LambdaAuthorizer when auth.AuthorizerFunction is null:
                errors.Fail(nameof(props.Authorization), "LambdaAuthorizer has no function; allowed: an IFunction");
                break;
        }
    }

    private static ApiAuthorizationKind[] AllowedKinds(FrontDoorKind kind) => kind switch
    {
        FrontDoorKind.HttpApi => new[] { ApiAuthorizationKind.Iam, ApiAuthorizationKind.Jwt, ApiAuthorizationKind.CognitoUserPool, ApiAuthorizationKind.LambdaAuthorizer },
        FrontDoorKind.RestApi => new[] { ApiAuthorizationKind.Iam, ApiAuthorizationKind.CognitoUserPool, ApiAuthorizationKind.LambdaAuthorizer, ApiAuthorizationKind.ApiKeys },
        FrontDoorKind.FunctionUrl => new[] { ApiAuthorizationKind.Iam },
        _ => Array.Empty<ApiAuthorizationKind>(),
    };

    private static IEnumerable<string> AllowedAuthorizations(FrontDoorKind kind) => AllowedKinds(kind).Select(k => k switch
    {
        ApiAuthorizationKind.Iam => "ApiAuthorization.Iam()",
        ApiAuthorizationKind.Jwt => "ApiAuthorization.Jwt(issuer, audiences)",
        ApiAuthorizationKind.CognitoUserPool => "ApiAuthorization.CognitoUserPool(userPool, clients)",
        ApiAuthorizationKind.LambdaAuthorizer => "ApiAuthorization.LambdaAuthorizer(function)",
        _ => "ApiAuthorization.ApiKeys()",
    });

    private static void ValidateVpc(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.Vpc is not null)
        {
            Amazon.CDK.AWS.EC2.ISelectedSubnets selected;
            try { selected = props.Vpc.SelectSubnets(props.VpcSubnets); }
            catch (Exception e) when (e is not ArgumentException)
            {
                errors.Fail(nameof(props.VpcSubnets), $"cannot be selected in the VPC ({e.Message.Replace("Error: ", "")}); allowed: a selection matching at least one private subnet");
                return;
            }
            if (selected.HasPublic)
                errors.Fail(nameof(props.VpcSubnets), "selects public subnets, where a Lambda function gets no public IP and cannot reach the internet; allowed: private subnets (SubnetType.PRIVATE_WITH_EGRESS or PRIVATE_ISOLATED)" +
                    (props.VpcSubnets is null ? " — the VPC's default selection is public, so set VpcSubnets" : ""));
            if (selected.SubnetIds.Length == 0)
                errors.Fail(nameof(props.VpcSubnets), "selects no subnet of the VPC; allowed: a selection matching at least one private subnet");
            return;
        }
        if (props.VpcSubnets is not null)
            errors.Fail(nameof(props.VpcSubnets), "is set without Vpc; allowed: VpcSubnets only together with Vpc");
        if (props.SecurityGroups is not null)
            errors.Fail(nameof(props.SecurityGroups), "is set without Vpc; allowed: SecurityGroups only together with Vpc");
    }

    private static void ValidateIam(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.RolePath is { } path && !RolePath().IsMatch(path))
            errors.Fail(nameof(props.RolePath), $"'{path}' is invalid; allowed: '/' or '/segment/.../' of printable ASCII, at most 512 characters");
        if (props.RoleNamePrefix is { } prefix && !RoleNamePrefix().IsMatch(prefix))
            errors.Fail(nameof(props.RoleNamePrefix), $"'{prefix}' is invalid; allowed: 1 to 32 letters, digits and +=,.@_-");

        if (props.Role is null) return;
        const string why = "is set but Role is supplied, so the construct creates no role it could apply to";
        if (props.RolePath is not null) errors.Fail(nameof(props.RolePath), $"{why}; allowed: RolePath without Role");
        if (props.RoleNamePrefix is not null) errors.Fail(nameof(props.RoleNamePrefix), $"{why}; allowed: RoleNamePrefix without Role");
        if (props.PermissionsBoundary is not null) errors.Fail(nameof(props.PermissionsBoundary), $"{why}; allowed: PermissionsBoundary without Role (attach the boundary to the supplied role yourself)");
        if (props.RestApiCloudWatchRole == true)
            errors.Fail(nameof(props.RestApiCloudWatchRole), "is true but Role is supplied and no role may be created; allowed: false (configure API Gateway's account CloudWatch role outside this stack)");
        if (AssetsDefaults.StaticAssetsPath(props) is not null && props.AssetDeploymentRole is null)
            errors.Fail(nameof(props.AssetDeploymentRole),
                "is required: static assets are deployed by a helper function that needs a role, and with Role supplied none may be created; allowed: a supplied AssetDeploymentRole, or DeployStaticAssets = false");
    }

    private static void ValidateAssets(Reporter errors, ServerlessWebAppProps props)
    {
        if (props.StaticAssetsPath is null) return;
        if (props.DeployStaticAssets == false)
            errors.Fail(nameof(props.StaticAssetsPath), "is set but DeployStaticAssets is false; allowed: one of them");
        else if (!Directory.Exists(props.StaticAssetsPath))
            errors.Fail(nameof(props.StaticAssetsPath), $"'{Path.GetFullPath(props.StaticAssetsPath)}' does not exist; allowed: an existing folder of static files");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StageName();

    [GeneratedRegex("^(/|/[\\x21-\\x7E]{1,510}/)$")]
    private static partial Regex RolePath();

    [GeneratedRegex("^[A-Za-z0-9+=,.@_-]{1,32}$")]
    private static partial Regex RoleNamePrefix();

    /// <summary>Throws the first error, prefixed with the construct's path so users see which instance is wrong.</summary>
    private sealed class Reporter(string constructPath)
    {
        public void Fail(string property, string message) =>
            throw new ArgumentException($"ServerlessWebApp '{constructPath}': {property} {message}.", property);

        /// <summary>Throws a message that already names the property (from a shared rule set).</summary>
        public void FailWith(string property, string message) =>
            throw new ArgumentException($"ServerlessWebApp '{constructPath}': {message}", property);
    }
}
