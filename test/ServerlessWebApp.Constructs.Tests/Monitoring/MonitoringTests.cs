using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Monitoring;

/// <summary>Opt-in monitoring: alarms that say what to do, the topic they notify, the task-failure metric and the dashboard.</summary>
[Collection("cdk")]
public class MonitoringTests
{
    private static readonly (Stack Stack, ServerlessWebApp App) Monitored = TestStacks.Create(p =>
    {
        p.PublicAccess = null;
        p.Authorization = ApiAuthorization.Iam();
        p.Tasks = new ServerlessWebAppTasksProps();
        p.Monitoring = new ServerlessWebAppMonitoringProps { Dashboard = true };
    });

    private static readonly TemplateJson Template = new(Amazon.CDK.Assertions.Template.FromStack(Monitored.Stack));

    private static IReadOnlyList<JsonObject> Alarms(TemplateJson template) =>
        template.OfType("AWS::CloudWatch::Alarm").Select(a => a.Value["Properties"]!.AsObject()).ToList();

    private static JsonObject AlarmNamed(TemplateJson template, string suffix) =>
        Alarms(template).Single(a => ((string)a["AlarmName"]!).EndsWith(suffix, StringComparison.Ordinal));

    private static string? MetricName(JsonObject alarm) => (string?)alarm["MetricName"];

    [Fact]
    public void WithoutMonitoringNothingIsBilled()
    {
        var (stack, app) = TestStacks.Create(p => p.Tasks = new ServerlessWebAppTasksProps());
        var template = new TemplateJson(Amazon.CDK.Assertions.Template.FromStack(stack));
        foreach (var type in new[] { "AWS::CloudWatch::Alarm", "AWS::CloudWatch::Dashboard", "AWS::SNS::Topic", "AWS::Logs::MetricFilter" })
            Assert.Empty(template.OfType(type));
        Assert.Empty(app.MonitoringAlarms);
        Assert.Null(app.AlarmTopic);
        Assert.Null(app.Dashboard);
    }

    [Fact]
    public void EveryPartOfTheAppHasItsAlarms()
    {
        var suffixes = Alarms(Template).Select(a => ((string)a["AlarmName"]!)["TestStack-WebApp ".Length..]).Order().ToList();
        Assert.Equal(
            ["5xx rate high", "p99 latency high", "task attempts failing", "task worker errors", "task worker throttled", "tasks dead-lettered",
             "tasks waiting too long", "web function errors", "web function throttled"],
            suffixes);
        Assert.Equal(9, Monitored.App.MonitoringAlarms.Count);
        Assert.All(Alarms(Template), a => Assert.Equal("notBreaching", (string?)a["TreatMissingData"]));
    }

    [Fact]
    public void AlarmsNotifyTheTopicOnAlarmAndWhenBackToOk()
    {
        var topic = Template.OfType("AWS::SNS::Topic").Single().Key;
        foreach (var alarm in Alarms(Template))
        {
            Assert.Equal(topic, (string?)alarm["AlarmActions"]![0]!["Ref"]);
            Assert.Equal(topic, (string?)alarm["OKActions"]![0]!["Ref"]);
        }
        Assert.NotNull(Monitored.App.AlarmTopic);
        Assert.Contains(Template.Outputs, o => o.Key.StartsWith("WebAppAlarmTopicArn", StringComparison.Ordinal));
    }

    [Fact]
    public void CreatedTopicAcceptsOnlyThisAccountsAlarmsOverTls()
    {
        var policy = Template.OfType("AWS::SNS::TopicPolicy").Single().Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(policy, s => (string?)s!["Effect"] == "Deny" && s["Condition"]!["Bool"]!["aws:SecureTransport"]!.ToString() == "false");
        var publish = policy.Single(s => (string?)s!["Effect"] == "Allow")!;
        Assert.Equal("cloudwatch.amazonaws.com", (string?)publish["Principal"]!["Service"]);
        Assert.Equal("sns:Publish", publish["Action"] is JsonArray a ? (string?)a.Single() : (string?)publish["Action"]);
        Assert.NotNull(publish["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
        Assert.Contains(":alarm:*", publish["Condition"]!["ArnLike"]!["aws:SourceArn"]!.ToJsonString());
    }

    [Fact]
    public void FunctionAlarmsWatchTheWholeFunctionOverFiveMinutes()
    {
        var errors = AlarmNamed(Template, "web function errors");
        Assert.Equal("AWS/Lambda", (string?)errors["Namespace"]);
        Assert.Equal("Errors", MetricName(errors));
        Assert.Equal(300, (int)errors["Period"]!);
        Assert.Equal(1, (double)errors["Threshold"]!);
        Assert.Equal(["FunctionName"], errors["Dimensions"]!.AsArray().Select(d => (string)d!["Name"]!));
        var description = (string)AlarmNamed(Template, "task worker throttled")["AlarmDescription"]!;
        Assert.Contains("What to do", description);
        Assert.Contains("concurrency", description);
    }

    [Fact]
    public void FrontDoorAlarmsWatchTheHttpApiStagesFiveHundredRateAndP99Latency()
    {
        var rate = AlarmNamed(Template, "5xx rate high");
        Assert.Equal(5, (double)rate["Threshold"]!);
        var metrics = rate["Metrics"]!.AsArray();
        Assert.Contains(metrics, m => (string?)m!["Expression"] == "IF(requests > 0, 100 * errors / requests, 0)");
        var errors = metrics.Single(m => (string?)m!["MetricStat"]?["Metric"]?["MetricName"] == "5xx")!;
        Assert.Equal(["ApiId", "Stage"], errors["MetricStat"]!["Metric"]!["Dimensions"]!.AsArray().Select(d => (string)d!["Name"]!).Order());

        var latency = AlarmNamed(Template, "p99 latency high");
        Assert.Equal("Latency", MetricName(latency));
        Assert.Equal("p99", (string?)latency["ExtendedStatistic"]);
        Assert.Equal(5000, (double)latency["Threshold"]!);
        Assert.Equal(3, (int)latency["EvaluationPeriods"]!);
    }

    [Fact]
    public void TaskAlarmsWatchTheDeadLetterQueueTheOldestTaskAndFailedAttempts()
    {
        var deadLettered = AlarmNamed(Template, "tasks dead-lettered");
        Assert.Equal("ApproximateNumberOfMessagesVisible", MetricName(deadLettered));
        Assert.Equal("GreaterThanThreshold", (string?)deadLettered["ComparisonOperator"]);
        Assert.Equal(0, (double)deadLettered["Threshold"]!);
        Assert.Contains("start-message-move-task", deadLettered["AlarmDescription"]!.ToJsonString());

        var age = AlarmNamed(Template, "tasks waiting too long");
        Assert.Equal("ApproximateAgeOfOldestMessage", MetricName(age));
        Assert.Equal(1800, (double)age["Threshold"]!);

        var failing = AlarmNamed(Template, "task attempts failing");
        var filter = Template.OfType("AWS::Logs::MetricFilter").Single().Value["Properties"]!;
        var transformation = filter["MetricTransformations"]![0]!;
        Assert.Equal((string?)transformation["MetricName"], MetricName(failing));
        Assert.Equal((string?)transformation["MetricNamespace"], (string?)failing["Namespace"]);
        Assert.Equal("{ ($.TaskId = \"*\") && ($.Error = \"*\") }", (string?)filter["FilterPattern"]);
        var workerLogs = Template.Properties(Template.OfType("AWS::Lambda::Function")
            .Single(f => f.Value["Properties"]!["Environment"]?["Variables"]?["SWA_FUNCTION_ROLE"]?.ToString() == "worker").Key)["LoggingConfig"]!["LogGroup"]!["Ref"];
        Assert.Equal((string?)workerLogs, (string?)filter["LogGroupName"]!["Ref"]);
    }

    [Fact]
    public void ThresholdsAreAdjustable()
    {
        var template = new TemplateJson(TestStacks.Synth(p =>
        {
            p.Tasks = new ServerlessWebAppTasksProps();
            p.Monitoring = new ServerlessWebAppMonitoringProps
            {
                ErrorThreshold = 5, ThrottleThreshold = 10, ServerErrorRateThreshold = 1.5, LatencyP99Threshold = Duration.Seconds(2),
                TaskAgeThreshold = Duration.Hours(2), TaskFailureThreshold = 3,
            };
        }));
        Assert.Equal(5, (double)AlarmNamed(template, "web function errors")["Threshold"]!);
        Assert.Equal(10, (double)AlarmNamed(template, "task worker throttled")["Threshold"]!);
        Assert.Equal(1.5, (double)AlarmNamed(template, "5xx rate high")["Threshold"]!);
        Assert.Equal(2000, (double)AlarmNamed(template, "p99 latency high")["Threshold"]!);
        Assert.Equal(7200, (double)AlarmNamed(template, "tasks waiting too long")["Threshold"]!);
        Assert.Equal(3, (double)AlarmNamed(template, "task attempts failing")["Threshold"]!);
        Assert.Empty(template.OfType("AWS::CloudWatch::Dashboard"));
    }

    [Fact]
    public void SuppliedTopicIsNotifiedAndNoTopicIsCreated()
    {
        const string topicArn = $"arn:aws:sns:eu-west-1:{ExampleArns.Account}:on-call";
        var template = new TemplateJson(TestStacks.Synth(null, (stack, p) =>
            p.Monitoring = new ServerlessWebAppMonitoringProps { Topic = Amazon.CDK.AWS.SNS.Topic.FromTopicArn(stack, "OnCall", topicArn) }));
        Assert.Empty(template.OfType("AWS::SNS::Topic"));
        Assert.All(Alarms(template), a => Assert.Equal(topicArn, (string?)a["AlarmActions"]![0]));
        // Without tasks: the web function's and the front door's alarms only.
        Assert.Equal(4, Alarms(template).Count);
    }

    [Theory]
    [InlineData(FrontDoorKind.RestApi, "5XXError", "ApiName")]
    [InlineData(FrontDoorKind.FunctionUrl, "Url5xxCount", "FunctionName")]
    public void OtherFrontDoorsAreWatchedWithTheirOwnMetrics(FrontDoorKind kind, string serverErrors, string dimension)
    {
        var template = new TemplateJson(TestStacks.Synth(p =>
        {
            p.FrontDoor = kind;
            p.Monitoring = new ServerlessWebAppMonitoringProps();
        }));
        var metrics = AlarmNamed(template, "5xx rate high")["Metrics"]!.AsArray();
        var errors = metrics.Single(m => (string?)m!["MetricStat"]?["Metric"]?["MetricName"] == serverErrors)!;
        Assert.Contains(dimension, errors["MetricStat"]!["Metric"]!["Dimensions"]!.ToJsonString());
    }

    [Fact]
    public void WithoutAFrontDoorOnlyTheFunctionIsWatched()
    {
        var template = new TemplateJson(TestStacks.Synth(p =>
        {
            p.FrontDoor = FrontDoorKind.None;
            p.PublicAccess = null;
            p.Monitoring = new ServerlessWebAppMonitoringProps();
        }));
        Assert.Equal(["Errors", "Throttles"], Alarms(template).Select(MetricName).Order());
    }

    [Fact]
    public void DashboardShowsEachPartOfTheApp()
    {
        var dashboard = Template.OfType("AWS::CloudWatch::Dashboard").Single().Value["Properties"]!;
        Assert.Equal("TestStack-WebApp", (string?)dashboard["DashboardName"]);
        var body = dashboard["DashboardBody"]!.ToJsonString();
        foreach (var title in new[] { "Web function: invocations, errors, throttles", "API Gateway HTTP API: 5xx rate (%)", "Task worker: duration p50 / p99 (ms)", "Dead-letter queue: tasks", "Failed task attempts" })
            Assert.Contains(title, body);
        Assert.NotNull(Monitored.App.Dashboard);
    }
}
