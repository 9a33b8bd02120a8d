using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>
/// The CloudWatch metrics the alarms and the dashboard watch: a function's (all of it, or only the version the
/// <c>live</c> alias runs during a release) and the front door's requests, 5xx responses and latency.
/// </summary>
internal static class AppMetrics
{
    private const string Lambda = "AWS/Lambda";
    private const string ApiGateway = "AWS/ApiGateway";

    /// <summary>A metric of the whole function (every version and alias).</summary>
    public static Metric Function(FunctionParts function, string name, string statistic, Duration period) =>
        new(new MetricProps
        {
            Namespace = Lambda,
            MetricName = name,
            DimensionsMap = new Dictionary<string, string> { ["FunctionName"] = function.Function.FunctionName },
            Statistic = statistic,
            Period = period,
        });

    /// <summary>
    /// A metric of one version as the <c>live</c> alias runs it (<c>ExecutedVersion</c>): during a weighted release, what
    /// the new version does, apart from the old one.
    /// </summary>
    public static Metric NewVersion(FunctionParts function, string name, string statistic, Duration period)
    {
        var functionName = function.Function.FunctionName;
        return new Metric(new MetricProps
        {
            Namespace = Lambda,
            MetricName = name,
            DimensionsMap = new Dictionary<string, string>
            {
                ["FunctionName"] = functionName,
                ["Resource"] = $"{functionName}:{FunctionDefaults.AliasName}",
                ["ExecutedVersion"] = function.Function.CurrentVersion.Version,
            },
            Statistic = statistic,
            Period = period,
        });
    }

    /// <summary>The front door's requests, 5xx responses (counts) and latency (milliseconds); null without a front door.</summary>
    public static FrontDoorMetrics? FrontDoor(FrontDoorParts frontDoor, FunctionParts web, Duration period)
    {
        if (frontDoor.HttpApi is { } httpApi)
        {
            var dimensions = new Dictionary<string, string> { ["ApiId"] = httpApi.ApiId, ["Stage"] = frontDoor.HttpStage!.StageName };
            return new FrontDoorMetrics(
                Api(ApiGateway, "Count", dimensions, Stats.SUM, period),
                Api(ApiGateway, "5xx", dimensions, Stats.SUM, period),
                Api(ApiGateway, "Latency", dimensions, Stats.Percentile(99), period),
                "API Gateway HTTP API");
        }
        if (frontDoor.RestApi is { } restApi)
        {
            var dimensions = new Dictionary<string, string> { ["ApiName"] = restApi.RestApiName, ["Stage"] = restApi.DeploymentStage.StageName };
            return new FrontDoorMetrics(
                Api(ApiGateway, "Count", dimensions, Stats.SUM, period),
                Api(ApiGateway, "5XXError", dimensions, Stats.SUM, period),
                Api(ApiGateway, "Latency", dimensions, Stats.Percentile(99), period),
                "API Gateway REST API");
        }
        if (frontDoor.FunctionUrl is not null)
        {
            return new FrontDoorMetrics(
                Function(web, "UrlRequestCount", Stats.SUM, period),
                Function(web, "Url5xxCount", Stats.SUM, period),
                Function(web, "UrlRequestLatency", Stats.Percentile(99), period),
                "function URL");
        }
        return null;
    }

    /// <summary>The percentage of 5xx responses (0 when there were no requests): one alarm over two metrics.</summary>
    public static MathExpression ServerErrorRate(FrontDoorMetrics metrics, Duration period) => new(new MathExpressionProps
    {
        Expression = "IF(requests > 0, 100 * errors / requests, 0)",
        UsingMetrics = new Dictionary<string, IMetric> { ["requests"] = metrics.Requests, ["errors"] = metrics.ServerErrors },
        Label = "5xx responses (%)",
        Period = period,
    });

    private static Metric Api(string metricNamespace, string name, Dictionary<string, string> dimensions, string statistic, Duration period) =>
        new(new MetricProps { Namespace = metricNamespace, MetricName = name, DimensionsMap = dimensions, Statistic = statistic, Period = period });
}
