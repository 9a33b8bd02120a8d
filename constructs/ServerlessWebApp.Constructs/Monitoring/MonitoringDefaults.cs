using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>Pure defaults of <c>Monitoring</c> (documented on <see cref="ServerlessWebAppMonitoringProps"/>).</summary>
internal static class MonitoringDefaults
{
    public const double DefaultErrorThreshold = 1;
    public const double DefaultThrottleThreshold = 1;
    public const double DefaultServerErrorRateThreshold = 5;
    public const double DefaultTaskFailureThreshold = 1;
    public const int DefaultLatencyP99Milliseconds = 5000;
    public const int DefaultTaskAgeMinutes = 30;
    public const int MaxTaskAgeMinutes = 1440;

    /// <summary>Each monitoring alarm looks at 5-minute periods; latency over three of them in a row, the rest at one.</summary>
    public static Duration Period => Duration.Minutes(5);

    public const int LatencyEvaluationPeriods = 3;

    public static double ErrorThreshold(ServerlessWebAppMonitoringProps monitoring) => monitoring.ErrorThreshold ?? DefaultErrorThreshold;

    public static double ThrottleThreshold(ServerlessWebAppMonitoringProps monitoring) => monitoring.ThrottleThreshold ?? DefaultThrottleThreshold;

    public static double ServerErrorRateThreshold(ServerlessWebAppMonitoringProps monitoring) => monitoring.ServerErrorRateThreshold ?? DefaultServerErrorRateThreshold;

    public static Duration LatencyP99Threshold(ServerlessWebAppMonitoringProps monitoring) => monitoring.LatencyP99Threshold ?? Duration.Millis(DefaultLatencyP99Milliseconds);

    public static Duration TaskAgeThreshold(ServerlessWebAppMonitoringProps monitoring) => monitoring.TaskAgeThreshold ?? Duration.Minutes(DefaultTaskAgeMinutes);

    public static double TaskFailureThreshold(ServerlessWebAppMonitoringProps monitoring) => monitoring.TaskFailureThreshold ?? DefaultTaskFailureThreshold;

    public static bool Dashboard(ServerlessWebAppMonitoringProps monitoring) => monitoring.Dashboard ?? false;

    /// <summary>
    /// The condition that limits CloudWatch's service principal to alarms of this account and region (the
    /// confused-deputy guard), on the alarm topic's policy and on the key that encrypts the topic.
    /// </summary>
    public static Dictionary<string, object> AlarmsOfThisAccount() => new()
    {
        ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
        ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{Aws.PARTITION}:cloudwatch:{Aws.REGION}:{Aws.ACCOUNT_ID}:alarm:*" },
    };
}
