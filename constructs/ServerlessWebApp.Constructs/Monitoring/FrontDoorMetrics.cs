using Amazon.CDK.AWS.CloudWatch;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>A front door's requests, 5xx responses and p99 latency, and what it is (for alarm texts).</summary>
internal sealed record FrontDoorMetrics(Metric Requests, Metric ServerErrors, Metric LatencyP99, string Kind);
