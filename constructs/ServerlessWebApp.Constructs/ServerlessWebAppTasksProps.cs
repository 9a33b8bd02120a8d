using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The async task path of a <see cref="ServerlessWebApp"/> (<see cref="ServerlessWebAppProps.Tasks"/>): an encrypted SQS
/// queue with a dead-letter queue, consumed through its <c>live</c> alias by a worker function built from the same
/// code, optionally a DynamoDB status table, a bucket for large payloads and schedules that run tasks. Every property is
/// optional.
/// </summary>
public sealed class ServerlessWebAppTasksProps
{
    /// <summary>
    /// Timeout of the worker function, 1–900 s (Lambda's limit); a task longer than this is retried and then
    /// dead-lettered. The queue's visibility timeout is six times this (plus <see cref="MaxBatchingWindow"/>).
    /// Default: 5 minutes.
    /// </summary>
    public Duration? WorkerTimeout { get; set; }

    /// <summary>Memory of the worker function in MB, 128–10240. Default: the web function's <c>MemorySize</c>.</summary>
    public double? WorkerMemorySize { get; set; }

    /// <summary>
    /// Tasks per worker invocation, 1–10000 (above 10 needs a <see cref="MaxBatchingWindow"/> of at least 1 second).
    /// Default: 1, so every task gets the whole worker timeout and a timeout retries only that task.
    /// </summary>
    public int? BatchSize { get; set; }

    /// <summary>How long the event source gathers tasks before invoking the worker, 0–300 s. Default: none (invoke at once).</summary>
    public Duration? MaxBatchingWindow { get; set; }

    /// <summary>Most concurrent worker invocations the queue drives, 2–1000. Default: none (limited by the account's concurrency).</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Receives of a task before it moves to the dead-letter queue, 1–1000. Default: 3.</summary>
    public int? MaxReceiveCount { get; set; }

    /// <summary>
    /// Whether to create the DynamoDB task status table (on-demand, time-to-live, point-in-time recovery; $0 at zero
    /// traffic), which the app serves <c>GET /tasks/{id}</c> from and the worker uses to never rerun a DONE task.
    /// Default: true.
    /// </summary>
    public bool? StatusTable { get; set; }

    /// <summary>
    /// Whether to create a private bucket for task payloads over SQS's 256 KB message limit (web may only put, worker
    /// may only get; objects expire after 14 days). Default: false (an oversized payload is refused at enqueue).
    /// </summary>
    public bool? PayloadBucket { get; set; }

    /// <summary>
    /// Execution role of the task worker, supplied by the platform team; required when the web function's
    /// <see cref="ServerlessWebAppProps.Role"/> is supplied. The construct never modifies it: the permissions it needs
    /// are written to the required-permissions report. Default: a least-privilege role created here.
    /// </summary>
    public IRole? WorkerRole { get; set; }

    /// <summary>
    /// Tasks run on a schedule (cron, rate or at expressions) through EventBridge Scheduler with one execution role,
    /// so the function's resource policy does not grow per schedule. Schedules invoke the worker's <c>live</c> alias,
    /// which runs the task with the worker's timeout, retries and status table. Names are unique.
    /// Default: none.
    /// </summary>
    public IReadOnlyList<ScheduledTask>? Schedules { get; set; }

    /// <summary>
    /// Execution role EventBridge Scheduler assumes for <see cref="Schedules"/>, supplied by the platform team (it
    /// needs lambda:InvokeFunction on the worker alias and sqs:SendMessage on the schedules' dead-letter queue, listed
    /// in the required-permissions report). Only with <see cref="Schedules"/>; required with them when
    /// <see cref="ServerlessWebAppProps.Role"/> or <see cref="WorkerRole"/> is supplied.
    /// Default: a role created here, trusted by scheduler.amazonaws.com for this account only.
    /// </summary>
    public IRole? ScheduleRole { get; set; }
}
