using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Pure default factories for <see cref="TaskSchedulesProps"/>.</summary>
internal static class TaskSchedulesDefaults
{
    /// <summary>Retries of a run the Scheduler could not deliver: the service maximum, so a throttled run is not dropped.</summary>
    public const int RetryAttempts = 185;

    /// <summary>Age after which an undelivered run is dead-lettered: the service maximum.</summary>
    public static Duration MaxEventAge() => Durations.Hours(24);
}
