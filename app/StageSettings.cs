using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using ServerlessWebApp.Constructs;

namespace ServerlessWebApp.CdkApp;

/// <summary>How the sample is sized and secured in each stage.</summary>
public sealed record StageSettings(string Name, Func<string, ServerlessWebAppProps> Props)
{
    /// <summary>Small, chatty and public (acknowledged): for trying the sample out.</summary>
    public static StageSettings Dev { get; } = new("dev", projectPath => new ServerlessWebAppProps
    {
        ProjectPath = projectPath,
        MemorySize = 512,
        LogRetention = RetentionDays.ONE_WEEK,
        ApplicationLogLevel = ApplicationLogLevel.DEBUG,
        PublicAccess = true,
        ThrottlingRateLimit = 20,
        ThrottlingBurstLimit = 40,
    });

    /// <summary>Larger, IAM-authorized, capped concurrency, longer log retention and an uploads bucket.</summary>
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
    });

    public static IReadOnlyList<StageSettings> All { get; } = new[] { Dev, Prod };
}
