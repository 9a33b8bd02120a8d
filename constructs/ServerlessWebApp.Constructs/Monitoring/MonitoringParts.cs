using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>What the monitoring builder created: the topic alarms notify (created or supplied), the alarms, the dashboard and the task-failure metric filter.</summary>
internal sealed record MonitoringParts(ITopic Topic, Topic? CreatedTopic, IReadOnlyList<Alarm> Alarms, Dashboard? Dashboard, MetricFilter? TaskFailures);
