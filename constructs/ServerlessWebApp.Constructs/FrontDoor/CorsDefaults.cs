using Amazon.CDK;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>Pure defaults of <c>Cors</c> (documented on <see cref="ServerlessWebAppCorsProps"/>).</summary>
internal static class CorsDefaults
{
    public const string AnyOrigin = "*";
    public const int MaxMaxAgeSeconds = 86400;
    public const int MaxAgeSeconds = 600;

    public static readonly string[] AllowHeaders =
        ["Content-Type", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Api-Key"];

    public static IReadOnlyList<string> Methods(ServerlessWebAppCorsProps cors) => cors.AllowMethods ?? RouteKey.Methods;

    public static IReadOnlyList<string> Headers(ServerlessWebAppCorsProps cors) => cors.AllowHeaders ?? AllowHeaders;

    public static Duration MaxAge(ServerlessWebAppCorsProps cors) => cors.MaxAge ?? Duration.Seconds(MaxAgeSeconds);
}
