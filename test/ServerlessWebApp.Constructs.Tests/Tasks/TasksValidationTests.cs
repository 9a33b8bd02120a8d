using Serverless.WebApp.Constructs.Tests.Support;
using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.Constructs.Commands;
using Serverless.WebApp.Constructs.KeepWarming;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>Every validation error of the sub-constructs is a synth error on the sub-construct that names the property and what it allows.</summary>
[Collection("cdk")]
public sealed class TasksValidationTests
{
    private sealed record Given(Stack Stack, TestFunction Web, TestFunction Worker);

    private static readonly Dictionary<string, (Action<Given> When, string[] MessageContains)> Cases = new()
    {
        ["worker-timeout-over-900"] = (g => Queue(g, p => p with { WorkerTimeout = Duration.Seconds(901) }),
            ["TaskQueueProps.WorkerTimeout", "1–900", "901"]),
        ["worker-timeout-zero"] = (g => Queue(g, p => p with { WorkerTimeout = Duration.Seconds(0) }),
            ["TaskQueueProps.WorkerTimeout", "1–900"]),
        ["worker-timeout-fractional"] = (g => Queue(g, p => p with { WorkerTimeout = Duration.Millis(1500) }),
            ["TaskQueueProps.WorkerTimeout", "whole seconds"]),
        ["max-receive-count-zero"] = (g => Queue(g, p => p with { MaxReceiveCount = 0 }),
            ["TaskQueueProps.MaxReceiveCount", "1–1000"]),
        ["max-receive-count-1001"] = (g => Queue(g, p => p with { MaxReceiveCount = 1001 }),
            ["TaskQueueProps.MaxReceiveCount", "1–1000"]),
        ["batch-size-zero"] = (g => Queue(g, p => p with { BatchSize = 0 }), ["TaskQueueProps.BatchSize", "1–10000"]),
        ["batch-size-10001"] = (g => Queue(g, p => p with { BatchSize = 10001, MaxBatchingWindow = Duration.Seconds(1) }),
            ["TaskQueueProps.BatchSize", "1–10000"]),
        ["batch-size-over-10-without-window"] = (g => Queue(g, p => p with { BatchSize = 11 }),
            ["TaskQueueProps.BatchSize above 10", "TaskQueueProps.MaxBatchingWindow", "at least 1 second"]),
        ["batching-window-301"] = (g => Queue(g, p => p with { MaxBatchingWindow = Duration.Seconds(301) }),
            ["TaskQueueProps.MaxBatchingWindow", "0–300"]),
        ["max-concurrency-1"] = (g => Queue(g, p => p with { MaxConcurrency = 1 }), ["TaskQueueProps.MaxConcurrency", "2–1000"]),
        ["max-concurrency-1001"] = (g => Queue(g, p => p with { MaxConcurrency = 1001 }), ["TaskQueueProps.MaxConcurrency", "2–1000"]),
        ["visibility-below-six-times"] = (g => Queue(g, p => p with { VisibilityTimeout = Duration.Seconds(5 * 60) }),
            ["TaskQueueProps.VisibilityTimeout", "at least 6 × TaskQueueProps.WorkerTimeout", "360 s"]),
        ["visibility-over-12-hours"] = (g => Queue(g, p => p with { VisibilityTimeout = Duration.Hours(13) }),
            ["TaskQueueProps.VisibilityTimeout", "12 hours"]),
        ["retention-too-short"] = (g => Queue(g, p => p with { RetentionPeriod = Duration.Seconds(59) }),
            ["TaskQueueProps.RetentionPeriod", "60 seconds to 14 days"]),
        ["payload-retention-without-bucket"] = (g => Queue(g, p => p with { PayloadRetention = Duration.Days(20) }),
            ["TaskQueueProps.PayloadRetention", "TaskQueueProps.PayloadBucket = true"]),
        ["payload-retention-below-dlq"] = (g => Queue(g, p => p with { PayloadBucket = true, PayloadRetention = Duration.Days(7) }),
            ["TaskQueueProps.PayloadRetention", "14–3650"]),
        ["access-logs-without-bucket"] = (g => Queue(g, p => p with { AccessLogsBucket = Bucket.FromBucketName(g.Stack, "Logs", "logs") }),
            ["TaskQueueProps.AccessLogsBucket", "TaskQueueProps.PayloadBucket = true"]),
        ["removal-policy-without-table"] = (g => Queue(g, p => p with { StatusTable = false, StatusTableRemovalPolicy = RemovalPolicy.DESTROY }),
            ["TaskQueueProps.StatusTableRemovalPolicy", "TaskQueueProps.StatusTable = true"]),
        ["missing-worker-alias"] = (g => Queue(g, p => p with { WorkerAlias = null! }), ["TaskQueueProps.WorkerAlias is required"]),
        ["keep-warm-rate-seconds"] = (g => _ = new KeepWarm(g.Stack, "W", new KeepWarmProps { Alias = g.Web.Alias, Rate = Duration.Seconds(90) }),
            ["KeepWarmProps.Rate", "whole minutes"]),
        ["keep-warm-rate-two-hours"] = (g => _ = new KeepWarm(g.Stack, "W", new KeepWarmProps { Alias = g.Web.Alias, Rate = Duration.Hours(2) }),
            ["KeepWarmProps.Rate", "1–60 minutes"]),
        ["keep-warm-retries-186"] = (g => _ = new KeepWarm(g.Stack, "W", new KeepWarmProps { Alias = g.Web.Alias, RetryAttempts = 186 }),
            ["KeepWarmProps.RetryAttempts", "0–185"]),
        ["keep-warm-event-age-30s"] = (g => _ = new KeepWarm(g.Stack, "W", new KeepWarmProps { Alias = g.Web.Alias, MaxEventAge = Duration.Seconds(30) }),
            ["KeepWarmProps.MaxEventAge", "60 seconds to 24 hours"]),
        ["cron-five-fields"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "cron(0 2 * * ?)", Task = "t" }),
            ["TaskSchedulesProps.Schedules[0] ('n').Expression", "5 field(s)", "needs 6", "Allowed forms", "rate(", "at("]),
        ["cron-minute-60"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "cron(60 2 * * ? *)", Task = "t" }),
            ["Schedules[0] ('n').Expression", "minutes field '60'", "outside 0-59"]),
        ["cron-both-days"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "cron(0 2 * * MON *)", Task = "t" }),
            ["Schedules[0] ('n').Expression", "'?' in exactly one of day-of-month and day-of-week"]),
        ["cron-bad-month-name"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "cron(0 2 ? FOO MON *)", Task = "t" }),
            ["month field 'FOO'", "JAN-DEC"]),
        ["cron-question-mark-in-hours"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "cron(0 ? * * ? *)", Task = "t" }),
            ["hours field '?'", "only day-of-month or day-of-week"]),
        ["rate-bad-unit"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(5 seconds)", Task = "t" }),
            ["Schedules[0] ('n').Expression 'rate(5 seconds)'", "minute, minutes, hour, hours, day, days"]),
        ["rate-singular-with-plural"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(1 hours)", Task = "t" }),
            ["'rate(1 hours)' must use the singular unit for 1: rate(1 hour)"]),
        ["rate-plural-with-singular"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(5 minute)", Task = "t" }),
            ["'rate(5 minute)' must use the plural unit above 1: rate(5 minutes)"]),
        ["rate-zero"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(0 minutes)", Task = "t" }), ["at least 1"]),
        ["unknown-form"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "every 5 minutes", Task = "t" }),
            ["'every 5 minutes' is not a rate(...), cron(...) or at(...) expression", "Allowed forms"]),
        ["at-bad-date"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "at(2030-13-01T00:00:00)", Task = "t" }),
            ["Expression 'at(2030-13-01T00:00:00)' must be a date", "yyyy-mm-ddThh:mm:ss"]),
        ["duplicate-name"] = (g => Schedule(g,
                new ScheduledTask { Name = "same", Expression = "rate(1 day)", Task = "t" },
                new ScheduledTask { Name = "same", Expression = "rate(2 days)", Task = "u" }),
            ["TaskSchedulesProps.Schedules[1] ('same').Name is a duplicate of TaskSchedulesProps.Schedules[0]"]),
        ["bad-schedule-name"] = (g => Schedule(g, new ScheduledTask { Name = "has space", Expression = "rate(1 day)", Task = "t" }),
            ["TaskSchedulesProps.Schedules[0].Name 'has space'", "1–64 letters"]),
        ["bad-task-name"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(1 day)", Task = "report:weekly" }),
            ["Schedules[0] ('n').Task 'report:weekly'", "1–80 letters, digits, '.', '_' or '-'", "MapTask"]),
        ["task-name-too-long"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(1 day)", Task = new string('t', 81) }),
            ["Schedules[0] ('n').Task", "1–80"]),
        ["payload-not-json"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(1 day)", Task = "t", PayloadJson = "{size: 3}" }),
            ["Schedules[0] ('n').PayloadJson is not valid JSON"]),
        ["payload-too-large"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(1 day)", Task = "t", PayloadJson = $"\"{new string('x', 9000)}\"" }),
            ["Schedules[0] ('n').PayloadJson", "at most 8192"]),
        ["bad-time-zone"] = (g => Schedule(g, new ScheduledTask { Name = "n", Expression = "rate(1 day)", Task = "t", TimeZone = "Paris time" }),
            ["Schedules[0] ('n').TimeZone 'Paris time'", "IANA"]),
        ["schedule-retries-negative"] = (g => _ = new TaskSchedules(g.Stack, "S", new TaskSchedulesProps { Alias = g.Worker.Alias, Schedules = [], RetryAttempts = -1 }),
            ["TaskSchedulesProps.RetryAttempts", "0–185"]),
        ["command-bad-name"] = (g => _ = new ManagementCommand(g.Stack, "M", new ManagementCommandProps { Alias = g.Web.Alias, Command = "rm -rf" }),
            ["ManagementCommandProps.Command 'rm -rf'", "1–64 letters, digits, '.', '_', ':' or '-'", "MapCommand"]),
        ["command-bad-output-file"] = (g => _ = new ManagementCommand(g.Stack, "M", new ManagementCommandProps { Alias = g.Web.Alias, OutputFile = "out; rm x" }),
            ["ManagementCommandProps.OutputFile"]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void InvalidPropsFailSynthWithAMessageNamingTheProperty(string caseName)
    {
        // GIVEN a stack with a web and a worker function
        var stack = new Stack(TestFolders.NewApp(), "Invalid");
        var given = new Given(stack, TestFunction.Create(stack, "Web"), TestFunction.Create(stack, "Worker", 60));
        var (when, messageContains) = Cases[caseName];

        // WHEN the sub-construct is created with the invalid props
        when(given);

        // THEN synth reports an error on it naming the property, and the sub-construct built nothing
        var errors = SynthMessages.Errors(stack);
        var (path, _) = Assert.Single(errors.DistinctBy(e => e.Path));
        var construct = stack.Node.FindChild(path.Split('/').Last());
        Assert.Empty(construct.Node.Children);
        var messages = string.Join(System.Environment.NewLine, errors.Select(e => e.Message));
        Assert.All(messageContains, fragment => Assert.Contains(fragment, messages));
    }

    [Fact]
    public void EveryScheduleErrorIsReportedAtOnce()
    {
        // GIVEN two schedules with three mistakes between them
        var stack = new Stack(TestFolders.NewApp(), "Invalid");
        var worker = TestFunction.Create(stack, "Worker", 60);
        _ = new TaskSchedules(stack, "Schedules", new TaskSchedulesProps
        {
            Alias = worker.Alias,
            Schedules =
            [
                new ScheduledTask { Name = "nightly", Expression = "rate(1 hours)", Task = "report:weekly" },
                new ScheduledTask { Name = "nightly", Expression = "rate(1 day)", Task = "t" },
            ],
        });

        // THEN all three are reported on the sub-construct
        Assert.Equal(
        [
            "TaskSchedulesProps.Schedules[0] ('nightly').Expression 'rate(1 hours)' must use the singular unit for 1: rate(1 hour). Allowed forms: " + ScheduleExpressionRules.AllowedForms + ".",
            "TaskSchedulesProps.Schedules[0] ('nightly').Task 'report:weekly' must be 1–80 letters, digits, '.', '_' or '-', as MapTask accepts.",
            "TaskSchedulesProps.Schedules[1] ('nightly').Name is a duplicate of TaskSchedulesProps.Schedules[0]: schedule names must be unique.",
        ], SynthMessages.ErrorsOn(stack, "/Invalid/Schedules"));
    }

    [Fact]
    public void ValidCronRateAndAtExpressionsAreAccepted()
    {
        string[] valid =
        [
            "cron(0/15 * * * ? *)", "cron(0 8-17 ? * MON-FRI *)", "cron(0 12 L * ? *)", "cron(0 9 ? * 6L 2030)",
            "cron(0 9 ? * 2#1 *)", "cron(5,35 14 15W JAN,JUL ? *)", "cron(*/5 * * * ? *)", "rate(1 minute)", "rate(10 days)",
            "at(2030-01-31T09:30:00)",
        ];
        Assert.All(valid, expression => Assert.Null(ScheduleExpressionRules.Problem(expression)));
    }

    private sealed record QueueInputs(Duration WorkerTimeout)
    {
        public Amazon.CDK.AWS.Lambda.IAlias WorkerAlias { get; init; } = null!;
        public int? MaxReceiveCount { get; init; }
        public int? BatchSize { get; init; }
        public Duration? MaxBatchingWindow { get; init; }
        public int? MaxConcurrency { get; init; }
        public Duration? VisibilityTimeout { get; init; }
        public Duration? RetentionPeriod { get; init; }
        public bool? PayloadBucket { get; init; }
        public Duration? PayloadRetention { get; init; }
        public IBucket? AccessLogsBucket { get; init; }
        public bool? StatusTable { get; init; }
        public RemovalPolicy? StatusTableRemovalPolicy { get; init; }
    }

    private static void Queue(Given given, Func<QueueInputs, QueueInputs> change)
    {
        var inputs = change(new QueueInputs(Duration.Seconds(60)) { WorkerAlias = given.Worker.Alias });
        _ = new TaskQueue(given.Stack, "Tasks", new TaskQueueProps
        {
            WorkerAlias = inputs.WorkerAlias,
            WorkerTimeout = inputs.WorkerTimeout,
            WebFunction = given.Web.Function,
            MaxReceiveCount = inputs.MaxReceiveCount,
            BatchSize = inputs.BatchSize,
            MaxBatchingWindow = inputs.MaxBatchingWindow,
            MaxConcurrency = inputs.MaxConcurrency,
            VisibilityTimeout = inputs.VisibilityTimeout,
            RetentionPeriod = inputs.RetentionPeriod,
            PayloadBucket = inputs.PayloadBucket,
            PayloadRetention = inputs.PayloadRetention,
            AccessLogsBucket = inputs.AccessLogsBucket,
            StatusTable = inputs.StatusTable,
            StatusTableRemovalPolicy = inputs.StatusTableRemovalPolicy,
        });
    }

    private static void Schedule(Given given, params ScheduledTask[] schedules) =>
        _ = new TaskSchedules(given.Stack, "Schedules", new TaskSchedulesProps { Alias = given.Worker.Alias, Schedules = schedules });
}
