using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Pure default factories for <see cref="KeepWarmProps"/>.</summary>
public static class KeepWarmDefaults
{
    /// <summary>Retries of an undelivered ping.</summary>
    public const int RetryAttempts = 2;

    /// <summary>Ping interval: well inside the minutes after which Lambda reclaims an idle environment.</summary>
    public static Duration Rate() => Durations.Minutes(5);

    /// <summary>A ping older than a minute is stale: it goes to the dead-letter queue instead of being retried.</summary>
    public static Duration MaxEventAge() => Durations.Seconds(60);
}
