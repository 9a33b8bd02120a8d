using Amazon.CDK;

namespace Serverless.WebApp.Constructs.KeepWarming;

/// <summary>Pure default factories for <see cref="KeepWarmProps"/> and <see cref="ServerlessWebAppKeepWarmProps"/>.</summary>
internal static class KeepWarmDefaults
{
    /// <summary>Retries of an undelivered ping.</summary>
    public const int RetryAttempts = 2;

    /// <summary>Ping interval: well inside the minutes after which Lambda reclaims an idle environment.</summary>
    public static Duration Rate() => Durations.Minutes(5);

    /// <summary>A ping older than a minute is stale: it goes to the dead-letter queue instead of being retried.</summary>
    public static Duration MaxEventAge() => Durations.Seconds(60);

    /// <summary>The ping is on unless turned off: free, and it spares the app most cold starts.</summary>
    public static bool Enabled(ServerlessWebAppProps props) => props.KeepWarm?.Enabled ?? true;
}
