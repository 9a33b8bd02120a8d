namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>Pure defaults of the front door (documented on <see cref="ServerlessWebAppProps"/>).</summary>
internal static class FrontDoorDefaults
{
    public const string HttpApiDefaultStage = "$default";
    public const string RestApiDefaultStage = "prod";
    public const double ThrottlingRateLimit = 100;
    public const double ThrottlingBurstLimit = 200;

    /// <summary>The greedy resource a proxying REST API has at its root.</summary>
    public const string RestProxyParameter = "{proxy+}";

    /// <summary>What a REST API passes as binary unless <c>BinaryMediaTypes</c> says otherwise: everything, as an HTTP API does.</summary>
    public static readonly string[] BinaryMediaTypes = ["*/*"];

    public static FrontDoorKind Kind(ServerlessWebAppProps props) => props.FrontDoor ?? FrontDoorKind.HttpApi;

    /// <summary>The longest a front door waits for the function: API Gateway's integration time-outs, else Lambda's 900 s.</summary>
    public static int MaxTimeoutSeconds(FrontDoorKind kind) => kind switch
    {
        FrontDoorKind.HttpApi => 30,
        FrontDoorKind.RestApi => 29,
        _ => 900,
    };

    public static string? StageName(ServerlessWebAppProps props) => Kind(props) switch
    {
        FrontDoorKind.HttpApi => props.StageName ?? HttpApiDefaultStage,
        FrontDoorKind.RestApi => props.StageName ?? RestApiDefaultStage,
        _ => null,
    };

    public static double RateLimit(ServerlessWebAppProps props) => props.ThrottlingRateLimit ?? ThrottlingRateLimit;

    public static double BurstLimit(ServerlessWebAppProps props) => props.ThrottlingBurstLimit ?? ThrottlingBurstLimit;

    public static bool HasApi(ServerlessWebAppProps props) => Kind(props) is FrontDoorKind.HttpApi or FrontDoorKind.RestApi;

    public static bool RestApiCloudWatchRole(ServerlessWebAppProps props) => props.RestApiCloudWatchRole ?? props.Role is null;
}
