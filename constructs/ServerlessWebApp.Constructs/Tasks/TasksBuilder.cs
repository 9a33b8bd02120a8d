using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// Composes the task path into the app: the task queue with its grants and environment on the web and worker
/// functions, and the schedules on the worker alias. Every grant goes through a function's
/// <c>PermissionsTarget</c>, so a supplied role gets no policy and its needs land in the required-permissions report.
/// </summary>
internal static class TasksBuilder
{
    /// <summary>Builds the task path; <paramref name="worker"/> (<see cref="WorkerBuilder"/>) exists whenever there are tasks.</summary>
    public static TasksParts Build(Construct scope, ServerlessWebAppProps props, FunctionParts web, FunctionParts? worker, AssetsParts assets, IKey? key)
    {
        if (props.Tasks is not { } tasks) return TasksParts.None;
        if (worker is null) throw new InvalidOperationException("An app with tasks has a worker function.");
        var queue = BuildQueue(scope, props, tasks, ServerlessWebAppTasksDefaults.WorkerTimeout(tasks), web, worker, assets, key);
        var schedules = tasks.Schedules is { Count: > 0 } list ? BuildSchedules(scope, tasks, list, worker, key) : null;
        return new TasksParts(queue, schedules);
    }

    private static TaskQueue BuildQueue(Construct scope, ServerlessWebAppProps props, ServerlessWebAppTasksProps tasks, Duration timeout,
        FunctionParts web, FunctionParts worker, AssetsParts assets, IKey? key)
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
            AccessLogsBucket = payloadBucket ? assets.AccessLogsBucket ?? AccessLogsBuckets.For(scope, props) : null,
            PayloadObjectLock = payloadBucket ? props.DataProtection?.ObjectLockRetention : null,
            EncryptionKey = key,
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

    private static TaskSchedules BuildSchedules(Construct scope, ServerlessWebAppTasksProps tasks, IReadOnlyList<ScheduledTask> list, FunctionParts worker, IKey? key)
    {
        var suppliedRole = tasks.ScheduleRole is null ? null : RoleBuilder.Adopt(scope, "ScheduleRole", tasks.ScheduleRole);
        var schedules = new TaskSchedules(scope, "Schedules", new TaskSchedulesProps
        {
            Alias = worker.Alias,
            Schedules = list,
            Role = suppliedRole,
            EncryptionKey = key,
        });
        if (suppliedRole is not null)
        {
            var grantee = RoleBuilder.GranteeForSuppliedRole(scope, "ScheduleRoleRequiredPermissions", "scheduler", suppliedRole);
            FunctionPermissions.Grant(grantee, [.. schedules.RoleStatements]);
        }
        return schedules;
    }
}
