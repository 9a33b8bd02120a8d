using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Logs;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Tasks;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>The optional dashboard ($3.00 a month, list price): one row per part of the app, on the metrics the alarms watch.</summary>
internal static class AppDashboard
{
    public static Dashboard Build(ServerlessWebApp scope, string namePrefix, FunctionParts web, FrontDoorMetrics? frontDoor, FunctionParts? worker, TasksParts tasks,
        MetricFilter? taskFailures, Duration period)
    {
        var dashboard = new Dashboard(scope, "Dashboard", new DashboardProps
        {
            DashboardName = DashboardName(namePrefix),
            DefaultInterval = Duration.Hours(3),
        });
        dashboard.AddWidgets(FunctionWidgets(web, "Web function", period));
        if (frontDoor is not null)
        {
            dashboard.AddWidgets(
                Graph($"{frontDoor.Kind}: requests and 5xx", [frontDoor.Requests, frontDoor.ServerErrors]),
                Graph($"{frontDoor.Kind}: 5xx rate (%)", [AppMetrics.ServerErrorRate(frontDoor, period)]),
                Graph($"{frontDoor.Kind}: p99 latency (ms)", [frontDoor.LatencyP99]));
        }
        if (worker is not null) dashboard.AddWidgets(FunctionWidgets(worker, "Task worker", period));
        if (tasks.Queue is { } queue)
        {
            var metric = new MetricOptions { Statistic = Stats.MAXIMUM, Period = period };
            var widgets = new List<IWidget>
            {
                Graph("Task queue: waiting and in flight", [queue.Queue.MetricApproximateNumberOfMessagesVisible(metric), queue.Queue.MetricApproximateNumberOfMessagesNotVisible(metric)]),
                Graph("Task queue: oldest task (s)", [queue.Queue.MetricApproximateAgeOfOldestMessage(metric)]),
                Graph("Dead-letter queue: tasks", [queue.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(metric)]),
            };
            if (taskFailures is not null) widgets.Add(Graph("Failed task attempts", [taskFailures.Metric(new MetricOptions { Statistic = Stats.SUM, Period = period })]));
            dashboard.AddWidgets([.. widgets]);
        }
        return dashboard;
    }

    private static IWidget[] FunctionWidgets(FunctionParts function, string label, Duration period) =>
    [
        Graph($"{label}: invocations, errors, throttles",
            [AppMetrics.Function(function, "Invocations", Stats.SUM, period), AppMetrics.Function(function, "Errors", Stats.SUM, period), AppMetrics.Function(function, "Throttles", Stats.SUM, period)]),
        Graph($"{label}: duration p50 / p99 (ms)",
            [AppMetrics.Function(function, "Duration", Stats.Percentile(50), period), AppMetrics.Function(function, "Duration", Stats.Percentile(99), period)]),
        Graph($"{label}: concurrent executions", [AppMetrics.Function(function, "ConcurrentExecutions", Stats.MAXIMUM, period)]),
    ];

    private static GraphWidget Graph(string title, IMetric[] metrics) => new(new GraphWidgetProps { Title = title, Left = metrics, Width = 8 });

    /// <summary>Dashboard names allow letters, digits, '-' and '_' only, at most 255.</summary>
    private static string DashboardName(string namePrefix)
    {
        var name = new string(namePrefix.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return name.Length > 255 ? name[..255] : name;
    }
}
