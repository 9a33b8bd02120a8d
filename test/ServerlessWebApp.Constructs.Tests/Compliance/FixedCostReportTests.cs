using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Route53;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// The fixed monthly cost of each configuration of the compliance matrix, written beside its template as
/// <c>&lt;configuration&gt;.fixed-cost.md</c>: the default stack costs nothing while idle, and each opt-in is priced.
/// </summary>
[Collection("cdk")]
public class FixedCostReportTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, FixedMonthlyCost>> Reports = new(WriteReports);

    private static IReadOnlyDictionary<string, FixedMonthlyCost> WriteReports()
    {
        var reports = new Dictionary<string, FixedMonthlyCost>(StringComparer.Ordinal);
        foreach (var (name, result) in ComplianceMatrix.Instance.Results)
        {
            var cost = FixedMonthlyCost.Of(result.Template);
            File.WriteAllText(Path.Combine(ComplianceGate.ArtifactsDirectory, $"{name}.fixed-cost.md"), cost.ToMarkdown(name));
            reports[name] = cost;
        }
        return reports;
    }

    [Fact]
    public void EveryConfigurationHasItsReportBesideItsTemplate()
    {
        foreach (var configuration in ComplianceConfigurations.All)
        {
            var path = Path.Combine(ComplianceGate.ArtifactsDirectory, $"{configuration.Name}.fixed-cost.md");
            _ = Reports.Value[configuration.Name];
            Assert.True(File.Exists(path), $"no fixed-cost report for {configuration.Name}");
            Assert.StartsWith($"# Fixed monthly cost of `{configuration.Name}`: $", File.ReadAllText(path));
        }
    }

    [Fact]
    public void TheDefaultConfigurationCostsNothingWhileIdle()
    {
        var cost = Reports.Value["defaults"];
        Assert.Empty(cost.Items);
        Assert.Equal(0.00, cost.Total);
        Assert.StartsWith("# Fixed monthly cost of `defaults`: $0.00", File.ReadAllText(Path.Combine(ComplianceGate.ArtifactsDirectory, "defaults.fixed-cost.md")));
    }

    [Theory]
    [InlineData("domain-cors-routes", 0.00)] // a supplied hosted zone, a free ACM certificate
    [InlineData("rest-api-domain-cors-routes-waf", 0.00)] // the supplied web ACL is billed where it was created
    [InlineData("canary-deployment", 0.70)] // web: errors, throttles, 5xx rate (2 metrics), p99; worker: errors, throttles
    [InlineData("monitoring", 4.00)] // 10 alarm metrics and the dashboard
    public void OptInsAreBilledAsTheirPropsSay(string configuration, double expected) =>
        Assert.Equal(expected, Reports.Value[configuration].Total);

    [Fact]
    public void EachFixedChargeIsPricedFromTheTemplate()
    {
        // GIVEN a stack of plain CDK resources that bill by the hour or month
        var stack = new Stack(TestFolders.NewApp(), "Priced");
        _ = new Key(stack, "Key");
        _ = new PublicHostedZone(stack, "Zone", new PublicHostedZoneProps { ZoneName = "example.com" });
        _ = new Dashboard(stack, "Board");
        var metric = new Metric(new MetricProps { Namespace = "Shop", MetricName = "Orders", Period = Duration.Minutes(1) });
        _ = new Alarm(stack, "Orders", new AlarmProps { Metric = metric, Threshold = 1, EvaluationPeriods = 1 });
        _ = new Alarm(stack, "Fast", new AlarmProps
        {
            Metric = new Metric(new MetricProps { Namespace = "Shop", MetricName = "Orders", Period = Duration.Seconds(10) }),
            Threshold = 1,
            EvaluationPeriods = 1,
        });
        _ = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 1, NatGateways = 1 });

        // WHEN it is priced
        var template = JsonSerializer.SerializeToElement(Amazon.CDK.Assertions.Template.FromStack(stack).ToJSON());
        var cost = FixedMonthlyCost.Of(template);

        // THEN each charge is the list price, the EIP and the NAT gateway by the hour
        double Of(string type) => cost.Items.Where(i => i.Type == type).Sum(i => i.Monthly);
        Assert.Equal(1.00, Of("AWS::KMS::Key"));
        Assert.Equal(0.50, Of("AWS::Route53::HostedZone"));
        Assert.Equal(3.00, Of("AWS::CloudWatch::Dashboard"));
        Assert.Equal(0.40, Of("AWS::CloudWatch::Alarm"), 2);
        Assert.Equal(32.85, Of("AWS::EC2::NatGateway"), 2);
        Assert.Equal(3.65, Of("AWS::EC2::EIP"), 2);
        Assert.Equal(Math.Round(1.00 + 0.50 + 3.00 + 0.40 + 32.85 + 3.65, 2), cost.Total);
    }
}
