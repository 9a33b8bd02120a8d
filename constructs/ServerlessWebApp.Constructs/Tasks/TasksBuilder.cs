using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;
using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// Composes the task path into the app: the worker function (same code, own timeout and memory), the task queue with
/// its grants and environment, and the schedules on the worker alias. Every grant goes through a function's
/// <c>PermissionsTarget</c>, so a supplied role gets no policy and its needs land in the required-permissions report.
/// </summary>
internal static class TasksBuilder
{
    public delegate FunctionParts AddFunction(
        string id, string functionRole, IRole? suppliedRole, Duration? timeout, double? memorySize, IReadOnlyDictionary<string, string>? environment);

    public static TasksParts Build(Construct scope, ServerlessWebAppProps props, FunctionParts web, AssetsParts assets, AddFunction addFunction)
    {
        if (props.Tasks is not { } tasks) return TasksParts.None;
        var timeout = ServerlessWebAppTasksDefaults.WorkerTimeout(tasks);
        var worker = addFunction("Worker", SwaEnvironment.WorkerRole, tasks.WorkerRole, timeout, tasks.WorkerMemorySize, SharedBucketEnvironment(assets));
        ShareBuckets(worker, assets);
        var queue = BuildQueue(scope, props, tasks, timeout, web, worker, assets);
        var schedules = tasks.Schedules is { Count: > 0 } list ? BuildSchedules(scope, tasks, list, worker) : null;
        return new TasksParts(worker, queue, schedules);
    }

    private static TaskQueue BuildQueue(Construct scope, ServerlessWebAppProps props, ServerlessWebAppTasksProps tasks, Duration timeout,
        FunctionParts web, FunctionParts worker, AssetsParts assets)
    {
        var payloadBucket = tasks.PayloadBucket ?? false;
        var queue = new TaskQueue(scope, "Tasks", new TaskQueueProps
        {
            WorkerAlias = worker.Alias,
            WorkerTimeout = timeout,
            BatchSize = tasks.BatchSize ?? ServerlessWebAppTasksDefaults.BatchSize,
            MaxBatchingWindow = tasks.MaxBatchingWindow,
            MaxConcurrency = tasks.MaxConcurrency,
            MaxReceiveCount = tasks.MaxReceiveCount,
            StatusTable = tasks.StatusTable ?? true,
            PayloadBucket = payloadBucket,
            AccessLogsBucket = payloadBucket ? assets.AccessLogsBucket ?? AccessLogsBucket(scope, props) : null,
            // Grants and environment are applied here, through the functions' permissions targets.
            ApplyEnvironment = false,
        });

        web.Identity.Grant([.. queue.WebStatements]);
        // TaskQueue grants the worker's role itself; a supplied (immutable) role ignores that, so record its needs.
        if (worker.Identity.CreatedRole is null) worker.Identity.Grant([.. queue.WorkerStatements]);
        foreach (var (name, value) in queue.WebEnvironment) web.Function.AddEnvironment(name, value);
        foreach (var (name, value) in queue.WorkerEnvironment) worker.Function.AddEnvironment(name, value);
        return queue;
    }

    /// <summary>Tasks run the same app code, so the worker reads the static files and works on uploads as the web function does.</summary>
    private static void ShareBuckets(FunctionParts worker, AssetsParts assets)
    {
        if (assets.StaticAssetsBucket is { } staticBucket) worker.Identity.Grant(FunctionPermissions.ReadObjects(staticBucket));
        if (assets.UploadsBucket is { } uploads) worker.Identity.Grant(FunctionPermissions.ReadWriteObjects(uploads));
    }

    /// <summary>The bucket names the worker gets at creation, as the web function does (<see cref="ShareBuckets"/>).</summary>
    private static Dictionary<string, string> SharedBucketEnvironment(AssetsParts assets)
    {
        var environment = new Dictionary<string, string>();
        if (assets.StaticAssetsBucket is { } staticBucket) environment[SwaEnvironment.StaticBucket] = staticBucket.BucketName;
        if (assets.UploadsBucket is { } uploads) environment[SwaEnvironment.UploadsBucket] = uploads.BucketName;
        return environment;
    }

    private static TaskSchedules BuildSchedules(Construct scope, ServerlessWebAppTasksProps tasks, IReadOnlyList<ScheduledTask> list, FunctionParts worker)
    {
        var suppliedRole = tasks.ScheduleRole is null ? null : RoleBuilder.Adopt(scope, "ScheduleRole", tasks.ScheduleRole);
        var schedules = new TaskSchedules(scope, "Schedules", new TaskSchedulesProps
        {
            Alias = worker.Alias,
            Schedules = list,
            Role = suppliedRole,
        });
        if (suppliedRole is not null)
        {
            var grantee = RoleBuilder.GranteeForSuppliedRole(scope, "ScheduleRoleRequiredPermissions", "scheduler", suppliedRole);
            FunctionPermissions.Grant(grantee, [.. schedules.RoleStatements]);
        }
        return schedules;
    }

    /// <summary>The access-log bucket for the payload bucket when the app has no other bucket that created one.</summary>
    private static Bucket AccessLogsBucket(Construct scope, ServerlessWebAppProps props) =>
        new(scope, "AccessLogsBucket", AssetsDefaults.AccessLogsBucket(AssetsDefaults.RemovalPolicy(props)));
}
