using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>
/// The opt-in alarms of <c>Monitoring</c> on 5-minute periods: errors and throttles of each function, the front door's
/// 5xx rate and p99 latency, and with tasks the dead-letter queue's depth, failed task attempts and the age of the
/// oldest task; the topic they notify and an optional dashboard of the same metrics.
/// </summary>
internal static class MonitoringBuilder
{
    /// <summary>
    /// The topic alarms notify: the supplied one, or a TLS-only topic created here, encrypted with the app's
    /// <c>EncryptionKey</c> when there is one; null without <c>Monitoring</c>.
    /// </summary>
    public static (ITopic Topic, Topic? Created)? Topic(ServerlessWebApp scope, ServerlessWebAppProps props)
    {
        if (props.Monitoring is not { } monitoring) return null;
        if (monitoring.Topic is { } supplied) return (supplied, null);
        var topic = new Topic(scope, "AlarmTopic", new TopicProps
        {
            DisplayName = "ServerlessWebApp alarms",
            EnforceSSL = true,
            MasterKey = scope.Key,
        });
        // The topic's policy replaces SNS's default one: CloudWatch alarms of this account may publish, over TLS only
        // (EnforceSSL adds that statement with the first one).
        topic.AddToResourcePolicy(Statements.AllowService("cloudwatch.amazonaws.com", ["sns:Publish"], topic.TopicArn,
            MonitoringDefaults.AlarmsOfThisAccount()));
        _ = new CfnOutput(scope, "AlarmTopicArn", new CfnOutputProps
        {
            Value = topic.TopicArn,
            Description = $"{scope.NodePath}: alarms notify this topic (aws sns subscribe --topic-arn ... --protocol email --notification-endpoint ...)",
        });
        return (topic, topic);
    }

    public static MonitoringParts? Build(ServerlessWebApp scope, ServerlessWebAppProps props, (ITopic Topic, Topic? Created)? topic, AlarmFactory alarms,
        FunctionParts web, FrontDoorParts frontDoor, FunctionParts? worker, TasksParts tasks)
    {
        if (props.Monitoring is not { } monitoring || topic is not { } notified) return null;
        var period = MonitoringDefaults.Period;
        var created = new List<Alarm>();
        created.AddRange(FunctionAlarms(alarms, monitoring, web, "Web", "web function", period));
        var frontDoorMetrics = AppMetrics.FrontDoor(frontDoor, web, period);
        if (frontDoorMetrics is not null) created.AddRange(FrontDoorAlarms(alarms, monitoring, frontDoorMetrics, frontDoor, period));

        MetricFilter? taskFailures = null;
        if (worker is not null) created.AddRange(FunctionAlarms(alarms, monitoring, worker, "Worker", "task worker", period));
        if (worker is not null && tasks.Queue is { } queue)
        {
            taskFailures = new MetricFilter(scope, "TaskFailuresFilter", new MetricFilterProps
            {
                LogGroup = worker.LogGroup,
                FilterPattern = TaskFailureLog.Pattern,
                MetricNamespace = $"{TaskFailureLog.MetricNamespace}/{alarms.NamePrefix}",
                MetricName = "TaskFailures",
                MetricValue = "1",
            });
            created.AddRange(TaskAlarms(alarms, monitoring, queue, taskFailures, period));
        }

        var dashboard = MonitoringDefaults.Dashboard(monitoring)
            ? AppDashboard.Build(scope, alarms.NamePrefix, web, frontDoorMetrics, worker, tasks, taskFailures, period)
            : null;
        return new MonitoringParts(notified.Topic, notified.Created, created, dashboard, taskFailures);
    }

    private static IEnumerable<Alarm> FunctionAlarms(AlarmFactory alarms, ServerlessWebAppMonitoringProps monitoring, FunctionParts function, string id, string label, Duration period)
    {
        var errors = MonitoringDefaults.ErrorThreshold(monitoring);
        yield return alarms.Add($"{id}ErrorsAlarm", $"{label} errors",
            $"The {label} of {alarms.NamePrefix} raised {errors} or more errors in 5 minutes (unhandled exceptions, time-outs, out of memory). " +
            "What to do: read its log group (Logs Insights: filter level = 'ERROR' or errorType); if a release caused it, roll back by hand " +
            "(README: point the live alias at the previous version) and fix before deploying again.",
            AppMetrics.Function(function, "Errors", Stats.SUM, period), errors);
        var throttles = MonitoringDefaults.ThrottleThreshold(monitoring);
        yield return alarms.Add($"{id}ThrottlesAlarm", $"{label} throttled",
            $"{throttles} or more invocations of the {label} of {alarms.NamePrefix} were throttled in 5 minutes: callers were refused (429) or " +
            "retried. What to do: raise its reserved concurrency or the account's concurrency quota (Service Quotas, Lambda concurrent " +
            "executions), or lower the API's throttling so fewer requests reach it.",
            AppMetrics.Function(function, "Throttles", Stats.SUM, period), throttles);
    }

    private static IEnumerable<Alarm> FrontDoorAlarms(AlarmFactory alarms, ServerlessWebAppMonitoringProps monitoring, FrontDoorMetrics metrics,
        FrontDoorParts frontDoor, Duration period)
    {
        var logs = frontDoor.AccessLogs is null ? "the web function's log group" : "the access log group (status, integrationError) and the web function's log group";
        var rate = MonitoringDefaults.ServerErrorRateThreshold(monitoring);
        yield return alarms.Add("ServerErrorRateAlarm", "5xx rate high",
            $"{rate} % or more of the {metrics.Kind}'s responses of {alarms.NamePrefix} in 5 minutes were 5xx. What to do: read {logs}: " +
            "a 500 from the app is in its errors, a 502/504 is a crash or a time-out of the function; roll back by hand if a release caused it.",
            AppMetrics.ServerErrorRate(metrics, period), rate);
        var latency = MonitoringDefaults.LatencyP99Threshold(monitoring).ToMilliseconds();
        yield return alarms.Add("LatencyAlarm", "p99 latency high",
            $"The {metrics.Kind} of {alarms.NamePrefix} answered at p99 in {latency} ms or more for 15 minutes. What to do: compare the web " +
            "function's Duration and cold starts (Init Duration in its REPORT log lines): raise MemorySize (more CPU), keep KeepWarm on or add " +
            "provisioned concurrency, or find the slow dependency with X-Ray traces.",
            metrics.LatencyP99, latency, evaluationPeriods: MonitoringDefaults.LatencyEvaluationPeriods);
    }

    private static IEnumerable<Alarm> TaskAlarms(AlarmFactory alarms, ServerlessWebAppMonitoringProps monitoring, TaskQueue queue,
        MetricFilter taskFailures, Duration period)
    {
        var deadLetterQueue = queue.DeadLetterQueue;
        yield return alarms.Add("TaskDeadLetterAlarm", "tasks dead-lettered",
            $"Tasks of {alarms.NamePrefix} failed every attempt and wait in the dead-letter queue {deadLetterQueue.QueueName}. What to do: read " +
            "the worker's log group for their errors (Logs Insights: filter ispresent(Error)), fix the cause, then move them back to the task " +
            $"queue: aws sqs start-message-move-task --source-arn {deadLetterQueue.QueueArn}. Messages are kept 14 days.",
            deadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Statistic = Stats.MAXIMUM, Period = period }), 0,
            comparison: ComparisonOperator.GREATER_THAN_THRESHOLD);
        var failures = MonitoringDefaults.TaskFailureThreshold(monitoring);
        yield return alarms.Add("TaskFailuresAlarm", "task attempts failing",
            $"{failures} or more task attempts of {alarms.NamePrefix} failed in 5 minutes (the worker logged 'Task … failed'). What to do: read " +
            "the worker's log group (Logs Insights: filter ispresent(Error) | stats count() by TaskName); a failed task is retried up to " +
            "Tasks.MaxReceiveCount times, then dead-lettered.",
            taskFailures.Metric(new MetricOptions { Statistic = Stats.SUM, Period = period }), failures);
        var age = MonitoringDefaults.TaskAgeThreshold(monitoring).ToSeconds();
        yield return alarms.Add("TaskAgeAlarm", "tasks waiting too long",
            $"The oldest task of {alarms.NamePrefix} has waited {age / 60} minutes or more in the task queue {queue.Queue.QueueName}. What to do: " +
            "the worker is not keeping up or keeps failing: check its errors and throttles, raise Tasks.MaxConcurrency or its reserved " +
            "concurrency, or look for a task that blocks the queue.",
            queue.Queue.MetricApproximateAgeOfOldestMessage(new MetricOptions { Statistic = Stats.MAXIMUM, Period = period }), age);
    }
}
