using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Functions;

/// <summary>Pure defaults of the function settings (documented on <see cref="ServerlessWebAppProps"/>).</summary>
internal static class FunctionDefaults
{
    public const double MemorySize = 1024;
    public const double EphemeralStorageMebibytes = 512;
    public const int DefaultTimeoutSeconds = 30;
    public const string AliasName = "live";

    public static PublishMode PublishMode(ServerlessWebAppProps props) => props.PublishMode ?? Constructs.PublishMode.FrameworkDependent;

    public static Architecture Architecture(ServerlessWebAppProps props) =>
        props.Architecture ?? (PublishMode(props) == Constructs.PublishMode.NativeAot
            ? PublishTarget.BuildMachineArchitecture
            : Amazon.CDK.AWS.Lambda.Architecture.ARM_64);

    public static PublishTarget Target(ServerlessWebAppProps props) => new(PublishMode(props), Architecture(props));

    /// <summary>30 s, lowered to what the front door can wait for (29 s behind a REST API).</summary>
    public static Duration Timeout(ServerlessWebAppProps props) =>
        props.Timeout ?? Durations.Seconds(Math.Min(DefaultTimeoutSeconds, FrontDoorDefaults.MaxTimeoutSeconds(FrontDoorDefaults.Kind(props))));

    public static Size EphemeralStorage(ServerlessWebAppProps props) => props.EphemeralStorageSize ?? Size.Mebibytes(EphemeralStorageMebibytes);

    public static RetentionDays LogRetention(ServerlessWebAppProps props) => props.LogRetention ?? RetentionDays.ONE_MONTH;

    public static Tracing Tracing(ServerlessWebAppProps props) => props.Tracing ?? Amazon.CDK.AWS.Lambda.Tracing.ACTIVE;

    public static ApplicationLogLevel ApplicationLogLevel(ServerlessWebAppProps props) =>
        props.ApplicationLogLevel ?? Amazon.CDK.AWS.Lambda.ApplicationLogLevel.INFO;

    /// <summary>Workstation non-concurrent GC, no config file watchers, a small first GC generation; for JIT-compiled code also small regions and a small JIT scratch cache (<see cref="SwaProcessSettings"/>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ProcessSettings(ServerlessWebAppProps props) =>
        SwaProcessSettings.Variables(nativeAot: PublishMode(props) == Constructs.PublishMode.NativeAot);

    public static bool DeadLetterQueueEnabled(ServerlessWebAppProps props) => props.DeadLetterQueueEnabled ?? true;
}
