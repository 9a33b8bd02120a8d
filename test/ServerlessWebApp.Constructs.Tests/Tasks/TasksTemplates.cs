using Serverless.WebApp.Constructs.Tests.Support;
using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Commands;
using Serverless.WebApp.Constructs.KeepWarming;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>
/// The synthesized configurations the task tests assert on, each built once per test class and only when used
/// (a synth through jsii costs about a second).
/// </summary>
public sealed class TasksTemplates
{
    private readonly Lazy<Synthesized> _defaults = new(SynthesizeDefaults);
    private readonly Lazy<Synthesized> _optIns = new(SynthesizeOptIns);
    private readonly Lazy<Synthesized> _hundredSchedules = new(SynthesizeHundredSchedules);
    private readonly Lazy<Synthesized> _supplied = new(SynthesizeSupplied);
    private readonly Lazy<Synthesized> _suppliedRoles = new(SynthesizeSuppliedRoles);

    /// <summary>Task queue with defaults (status table on), keep-warm, a management command and three schedules.</summary>
    internal Synthesized Defaults => _defaults.Value;

    /// <summary>Task queue with every opt-in: customer-managed key, payload bucket with access logs, batching and concurrency.</summary>
    internal Synthesized OptIns => _optIns.Value;

    /// <summary>One hundred schedules on one alias.</summary>
    internal Synthesized HundredSchedules => _hundredSchedules.Value;

    /// <summary>
    /// Everything turned down or supplied: no status table, no sender, environment not applied, one shared control
    /// dead-letter queue, a disabled 10-minute keep-warm and a platform-supplied (immutable) Scheduler role.
    /// </summary>
    internal Synthesized Supplied => _supplied.Value;

    /// <summary>
    /// Every role supplied by the platform team (immutable), with every task feature on: status table, payload bucket,
    /// customer key, keep-warm and schedules.
    /// </summary>
    internal Synthesized SuppliedRoles => _suppliedRoles.Value;

    internal const string SuppliedSchedulerRoleArn = "arn:aws:iam::123456789012:role/org/swa-scheduler";

    internal sealed record Synthesized(TemplateJson Json, TestFunction Web, TestFunction Worker)
    {
        public Template Template => Json.Template;
        public TaskQueue? Queue { get; init; }
        public KeepWarm? KeepWarm { get; init; }
        public ManagementCommand? Command { get; init; }
        public TaskSchedules? Schedules { get; init; }
        public Stack Stack => Amazon.CDK.Stack.Of(Web.Function);
    }

    internal const int WorkerTimeoutSeconds = 300;

    internal static readonly ScheduledTask[] DefaultSchedules =
    [
        new() { Name = "nightly-dna", Expression = "cron(0 2 * * ? *)", Task = "compute-dna", PayloadJson = """{"dna_sequence": "ATCG", "n": 3}""" },
        new() { Name = "hourly.cleanup", Expression = "rate(1 hour)", Task = "cleanup" },
        new() { Name = "paris_report", Expression = "cron(30 9 ? * MON-FRI *)", Task = "report.weekly", PayloadJson = "\"summary\"", TimeZone = "Europe/Paris", Enabled = false },
    ];

    private static (Stack Stack, TestFunction Web, TestFunction Worker) NewStack()
    {
        var stack = new Stack(TestFolders.NewApp(), "TasksStack");
        return (stack, TestFunction.Create(stack, "Web"), TestFunction.Create(stack, "Worker", WorkerTimeoutSeconds));
    }

    private static Synthesized SynthesizeDefaults()
    {
        var (stack, web, worker) = NewStack();
        var queue = new TaskQueue(stack, "Tasks", new TaskQueueProps
        {
            WorkerAlias = worker.Alias,
            WorkerTimeout = Duration.Seconds(WorkerTimeoutSeconds),
            WebFunction = web.Function,
        });
        var keepWarm = new KeepWarm(stack, "KeepWarm", new KeepWarmProps { Alias = web.Alias });
        var command = new ManagementCommand(stack, "Manage", new ManagementCommandProps
        {
            Alias = web.Alias,
            Command = "migrate",
            Args = ["--dry-run", "it's"],
        });
        var schedules = new TaskSchedules(stack, "Schedules", new TaskSchedulesProps { Alias = worker.Alias, Schedules = DefaultSchedules });
        return new Synthesized(new TemplateJson(Template.FromStack(stack)), web, worker)
        {
            Queue = queue, KeepWarm = keepWarm, Command = command, Schedules = schedules,
        };
    }

    private static Synthesized SynthesizeOptIns()
    {
        var (stack, web, worker) = NewStack();
        var key = new Key(stack, "TasksKey", new KeyProps { EnableKeyRotation = true });
        var queue = new TaskQueue(stack, "Tasks", new TaskQueueProps
        {
            WorkerAlias = worker.Alias,
            WorkerTimeout = Duration.Seconds(WorkerTimeoutSeconds),
            WebFunction = web.Function,
            BatchSize = 100,
            MaxBatchingWindow = Duration.Seconds(5),
            MaxConcurrency = 20,
            MaxReceiveCount = 5,
            PayloadBucket = true,
            PayloadRetention = Duration.Days(30),
            AccessLogsBucket = Bucket.FromBucketName(stack, "AccessLogs", "access-logs-bucket"),
            EncryptionKey = key,
        });
        return new Synthesized(new TemplateJson(Template.FromStack(stack)), web, worker) { Queue = queue };
    }

    private static Synthesized SynthesizeSupplied()
    {
        var (stack, web, worker) = NewStack();
        var controlDeadLetterQueue = new Amazon.CDK.AWS.SQS.Queue(stack, "ControlDeadLetterQueue", SecureQueueDefaults.DeadLetterQueue());
        var queue = new TaskQueue(stack, "Tasks", new TaskQueueProps
        {
            WorkerAlias = worker.Alias,
            WorkerTimeout = Duration.Seconds(WorkerTimeoutSeconds),
            StatusTable = false,
            ApplyEnvironment = false,
        });
        var keepWarm = new KeepWarm(stack, "KeepWarm", new KeepWarmProps
        {
            Alias = web.Alias,
            Rate = Duration.Minutes(10),
            Enabled = false,
            RetryAttempts = 0,
            MaxEventAge = Duration.Minutes(2),
            DeadLetterQueue = controlDeadLetterQueue,
        });
        var schedules = new TaskSchedules(stack, "Schedules", new TaskSchedulesProps
        {
            Alias = worker.Alias,
            Schedules = [new ScheduledTask { Name = "nightly", Expression = "cron(0 3 * * ? *)", Task = "compute-dna" }],
            DeadLetterQueue = controlDeadLetterQueue,
            Role = Amazon.CDK.AWS.IAM.Role.FromRoleArn(stack, "SuppliedSchedulerRole", SuppliedSchedulerRoleArn,
                new Amazon.CDK.AWS.IAM.FromRoleArnOptions { Mutable = false }),
            RetryAttempts = 5,
            MaxEventAge = Duration.Hours(1),
        });
        return new Synthesized(new TemplateJson(Template.FromStack(stack)), web, worker)
        {
            Queue = queue, KeepWarm = keepWarm, Schedules = schedules,
        };
    }

    private static Synthesized SynthesizeSuppliedRoles()
    {
        var stack = new Stack(TestFolders.NewApp(), "TasksStack");
        Amazon.CDK.AWS.IAM.IRole Supplied(string id, string name) => Amazon.CDK.AWS.IAM.Role.FromRoleArn(stack, id,
            $"arn:aws:iam::123456789012:role/org/{name}", new Amazon.CDK.AWS.IAM.FromRoleArnOptions { Mutable = false });
        var web = TestFunction.Create(stack, "Web", role: Supplied("WebRole", "swa-web"));
        var worker = TestFunction.Create(stack, "Worker", WorkerTimeoutSeconds, Supplied("WorkerRole", "swa-worker"));
        var queue = new TaskQueue(stack, "Tasks", new TaskQueueProps
        {
            WorkerAlias = worker.Alias,
            WorkerTimeout = Duration.Seconds(WorkerTimeoutSeconds),
            WebFunction = web.Function,
            PayloadBucket = true,
            EncryptionKey = new Key(stack, "TasksKey", new KeyProps { EnableKeyRotation = true }),
        });
        var keepWarm = new KeepWarm(stack, "KeepWarm", new KeepWarmProps { Alias = web.Alias });
        var schedules = new TaskSchedules(stack, "Schedules", new TaskSchedulesProps
        {
            Alias = worker.Alias,
            Schedules = DefaultSchedules,
            Role = Supplied("SchedulerRole", "swa-scheduler"),
        });
        return new Synthesized(new TemplateJson(Template.FromStack(stack)), web, worker)
        {
            Queue = queue, KeepWarm = keepWarm, Schedules = schedules,
        };
    }

    private static Synthesized SynthesizeHundredSchedules()
    {
        var (stack, web, worker) = NewStack();
        var entries = Enumerable.Range(0, 100).Select(i => new ScheduledTask
        {
            Name = $"schedule-{i:000}",
            Expression = i % 2 == 0 ? $"cron({i % 60} {i % 24} * * ? *)" : $"rate({i + 1} minutes)",
            Task = $"task-{i % 7}",
            PayloadJson = $$"""{"index": {{i}}}""",
        }).ToArray();
        var schedules = new TaskSchedules(stack, "Schedules", new TaskSchedulesProps { Alias = worker.Alias, Schedules = entries });
        return new Synthesized(new TemplateJson(Template.FromStack(stack)), web, worker) { Schedules = schedules };
    }
}
