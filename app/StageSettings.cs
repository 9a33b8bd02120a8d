using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Serverless.WebApp.Constructs;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.CdkApp;

/// <summary>How the sample is sized and secured in each stage.</summary>
public sealed record StageSettings(string Name, Func<string, ServerlessWebAppProps> Props)
{
    /// <summary>The task the sample maps (<c>POST /compute-dna/</c> enqueues it).</summary>
    public const string ComputeDnaTask = "compute-dna";

    /// <summary>Small, chatty and public (acknowledged): for trying the sample out. Short tasks, no keep-warm ping.</summary>
    public static StageSettings Dev { get; } = new("dev", projectPath => new ServerlessWebAppProps
    {
        ProjectPath = projectPath,
        MemorySize = 512,
        LogRetention = RetentionDays.ONE_WEEK,
        ApplicationLogLevel = ApplicationLogLevel.DEBUG,
        PublicAccess = true,
        // Simulated lab work short enough for the dev worker's 2-minute timeout.
        Environment = new Dictionary<string, string> { ["Foundry__ComputeDuration"] = "00:00:30" },
        ThrottlingRateLimit = 20,
        ThrottlingBurstLimit = 40,
        Tasks = new ServerlessWebAppTasksProps
        {
            WorkerTimeout = Duration.Minutes(2),
            WorkerMemorySize = 512,
            MaxConcurrency = 2,
            MaxReceiveCount = 2,
        },
        KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = false },
    });

    /// <summary>
    /// Larger, IAM-authorized, capped concurrency, longer log retention and an uploads bucket; 15-minute tasks on a
    /// two-vCPU worker with a payload bucket, keep-warm every 5 minutes, and a nightly calibration run.
    /// </summary>
    public static StageSettings Prod { get; } = new("prod", projectPath => new ServerlessWebAppProps
    {
        ProjectPath = projectPath,
        MemorySize = 1769, // one full vCPU
        LogRetention = RetentionDays.THREE_MONTHS,
        ApplicationLogLevel = ApplicationLogLevel.INFO,
        Authorization = ApiAuthorization.Iam(),
        StageName = "v1",
        ReservedConcurrentExecutions = 100,
        ThrottlingRateLimit = 200,
        ThrottlingBurstLimit = 400,
        UploadsBucket = true,
        Tasks = new ServerlessWebAppTasksProps
        {
            WorkerTimeout = Duration.Minutes(15),
            WorkerMemorySize = 3538, // two vCPUs
            MaxConcurrency = 20,
            PayloadBucket = true,
            Schedules =
            [
                new ScheduledTask
                {
                    Name = "nightly-calibration",
                    Expression = "cron(0 3 * * ? *)",
                    Task = ComputeDnaTask,
                    PayloadJson = "{\"dna_sequence\":\"ACGTACGTACGT\"}",
                },
            ],
        },
        KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = true },
    });

    public static IReadOnlyList<StageSettings> All { get; } = new[] { Dev, Prod };
}
