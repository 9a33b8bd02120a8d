using static Serverless.WebApp.Constructs.Validation.FunctionChecks;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The task path (<c>Tasks</c>): the worker, its event source, its role and the schedules.</summary>
internal static class TasksChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.Tasks is not { } tasks) return;
        if (tasks.WorkerTimeout is { } timeout)
        {
            var ms = timeout.ToMilliseconds();
            if (ms < MinTimeoutSeconds * 1000 || ms > MaxTimeoutSeconds * 1000 || ms % 1000 != 0)
                findings.Error("Tasks.WorkerTimeout", $"{timeout.ToHumanString()} is out of range; allowed: whole seconds from {MinTimeoutSeconds} to {MaxTimeoutSeconds} (Lambda's limit)");
        }
        if (tasks.WorkerMemorySize is { } memory && !IsMemorySize(memory))
            findings.Error("Tasks.WorkerMemorySize", $"{memory} is out of range; allowed: whole MB from {MinMemory} to {MaxMemory}");
        if (tasks.BatchSize is { } batch && (batch < 1 || batch > 10000))
            findings.Error("Tasks.BatchSize", $"{batch} is out of range; allowed: 1 to 10000");
        double windowSeconds = 0;
        if (tasks.MaxBatchingWindow is { } window)
        {
            var ms = window.ToMilliseconds();
            windowSeconds = ms / 1000;
            if (ms < 0 || ms > 300_000 || ms % 1000 != 0)
                findings.Error("Tasks.MaxBatchingWindow", $"{window.ToHumanString()} is out of range; allowed: whole seconds from 0 to 300");
        }
        if (tasks.BatchSize > 10 && windowSeconds < 1)
            findings.Error("Tasks.BatchSize", $"{tasks.BatchSize} needs Tasks.MaxBatchingWindow of at least 1 second; allowed: 1 to 10 without a batching window");
        if (tasks.MaxConcurrency is { } concurrency && (concurrency < 2 || concurrency > 1000))
            findings.Error("Tasks.MaxConcurrency", $"{concurrency} is out of range; allowed: 2 to 1000 (Lambda's limit for SQS event sources)");
        if (tasks.MaxReceiveCount is { } receives && (receives < 1 || receives > 1000))
            findings.Error("Tasks.MaxReceiveCount", $"{receives} is out of range; allowed: 1 to 1000");
        if (props.Role is not null && tasks.WorkerRole is null)
            findings.Error("Tasks.WorkerRole",
                "is required: Role is supplied, so no role may be created for the task worker; allowed: a supplied Tasks.WorkerRole, or no Role");
        CheckSchedules(findings, props, tasks);
    }

    private static void CheckSchedules(Findings findings, ServerlessWebAppProps props, ServerlessWebAppTasksProps tasks)
    {
        if (tasks.Schedules is not { Count: > 0 } schedules)
        {
            if (tasks.ScheduleRole is not null)
                findings.Error("Tasks.ScheduleRole", "is set but there are no Tasks.Schedules; allowed: Tasks.ScheduleRole only together with Tasks.Schedules");
            return;
        }
        if ((props.Role is not null || tasks.WorkerRole is not null) && tasks.ScheduleRole is null)
            findings.Error("Tasks.ScheduleRole",
                "is required: roles are supplied, so no role may be created for EventBridge Scheduler; allowed: a supplied Tasks.ScheduleRole, or no Tasks.Schedules");
        ScheduleListChecks.Check(findings, schedules, "Tasks.Schedules");
    }
}
