using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// What a template bills every month whether or not a request arrives, at AWS list prices (us-east-1, 730 hours a month):
/// alarms per metric, dashboards, KMS keys, hosted zones, web ACLs and their rules, NAT gateways, interface endpoints,
/// Elastic IPs, Secrets Manager secrets and provisioned concurrency. Everything else in our templates bills per use (or is
/// free: CodeDeploy for Lambda, ACM certificates, SNS topics, API Gateway, Lambda, SQS, S3 and logs without traffic).
/// Resources supplied to the construct (a web ACL, a hosted zone) are billed where they were created and are not counted.
/// </summary>
public sealed class FixedMonthlyCost
{
    public const double HoursPerMonth = 730;
    public const double AlarmMetric = 0.10;
    public const double HighResolutionAlarmMetric = 0.30;
    public const double Dashboard = 3.00;
    public const double KmsKey = 1.00;
    public const double HostedZone = 0.50;
    public const double WebAcl = 5.00;
    public const double WebAclRule = 1.00;
    public const double NatGatewayHour = 0.045;
    public const double InterfaceEndpointHourPerSubnet = 0.01;
    public const double ElasticIpHour = 0.005;
    public const double Secret = 0.40;
    public const double ProvisionedGbSecondX86 = 0.0000041667;
    public const double ProvisionedGbSecondArm = 0.0000033334;

    private FixedMonthlyCost(IReadOnlyList<(string LogicalId, string Type, string What, double Monthly)> items) => Items = items;

    /// <summary>One line per billed resource: its logical id, type, what is billed and the monthly price in dollars.</summary>
    public IReadOnlyList<(string LogicalId, string Type, string What, double Monthly)> Items { get; }

    public double Total => Math.Round(Items.Sum(i => i.Monthly), 2);

    public static FixedMonthlyCost Of(JsonElement template)
    {
        var resources = template.TryGetProperty("Resources", out var r) ? r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value) : [];
        var items = new List<(string, string, string, double)>();
        foreach (var (id, resource) in resources.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var type = resource.GetProperty("Type").GetString()!;
            var properties = resource.TryGetProperty("Properties", out var p) ? p : default;
            foreach (var (what, monthly) in Price(type, properties, resources))
                items.Add((id, type, what, monthly));
        }
        return new FixedMonthlyCost(items);
    }

    private static IEnumerable<(string What, double Monthly)> Price(string type, JsonElement properties, Dictionary<string, JsonElement> resources)
    {
        switch (type)
        {
            case "AWS::CloudWatch::Alarm":
                var metrics = AlarmMetrics(properties);
                var highResolution = metrics.Any(period => period < 60);
                yield return ($"alarm on {metrics.Count} metric(s){(highResolution ? " (high resolution)" : "")}",
                    metrics.Count * (highResolution ? HighResolutionAlarmMetric : AlarmMetric));
                break;
            case "AWS::CloudWatch::Dashboard":
                yield return ("dashboard", Dashboard);
                break;
            case "AWS::KMS::Key":
                yield return ("customer managed key", KmsKey);
                break;
            case "AWS::Route53::HostedZone":
                yield return ("hosted zone", HostedZone);
                break;
            case "AWS::WAFv2::WebACL":
                var rules = properties.TryGetProperty("Rules", out var r) ? r.GetArrayLength() : 0;
                yield return ($"web ACL with {rules} rule(s)", WebAcl + rules * WebAclRule);
                break;
            case "AWS::EC2::NatGateway":
                yield return ("NAT gateway", NatGatewayHour * HoursPerMonth);
                break;
            case "AWS::EC2::VPCEndpoint" when properties.TryGetProperty("VpcEndpointType", out var kind) && kind.GetString() == "Interface":
                var subnets = properties.TryGetProperty("SubnetIds", out var s) ? s.GetArrayLength() : 1;
                yield return ($"interface endpoint in {subnets} subnet(s)", subnets * InterfaceEndpointHourPerSubnet * HoursPerMonth);
                break;
            case "AWS::EC2::EIP":
                yield return ("Elastic IP", ElasticIpHour * HoursPerMonth);
                break;
            case "AWS::SecretsManager::Secret":
                yield return ("secret", Secret);
                break;
            case "AWS::Lambda::Alias" or "AWS::Lambda::Version"
                when properties.TryGetProperty("ProvisionedConcurrencyConfig", out var provisioned):
                var executions = provisioned.GetProperty("ProvisionedConcurrentExecutions").GetDouble();
                var (memory, arm) = FunctionOf(properties, resources);
                yield return ($"{executions} provisioned executions of {memory} MB",
                    executions * memory / 1024 * HoursPerMonth * 3600 * (arm ? ProvisionedGbSecondArm : ProvisionedGbSecondX86));
                break;
        }
    }

    /// <summary>The period of each metric an alarm watches (math expressions are free; their metrics are billed).</summary>
    private static List<double> AlarmMetrics(JsonElement properties)
    {
        if (properties.TryGetProperty("Metrics", out var metrics))
        {
            return metrics.EnumerateArray()
                .Where(m => m.TryGetProperty("MetricStat", out _))
                .Select(m => m.GetProperty("MetricStat").GetProperty("Period").GetDouble())
                .ToList();
        }
        return [properties.TryGetProperty("Period", out var period) ? period.GetDouble() : 60];
    }

    private static (double MemoryMb, bool Arm) FunctionOf(JsonElement properties, Dictionary<string, JsonElement> resources)
    {
        if (properties.GetProperty("FunctionName").TryGetProperty("Ref", out var reference)
            && resources.TryGetValue(reference.GetString()!, out var target))
        {
            var function = target.GetProperty("Type").GetString() == "AWS::Lambda::Version"
                && target.GetProperty("Properties").GetProperty("FunctionName").TryGetProperty("Ref", out var functionRef)
                ? resources[functionRef.GetString()!]
                : target;
            var functionProperties = function.GetProperty("Properties");
            var memory = functionProperties.TryGetProperty("MemorySize", out var m) ? m.GetDouble() : 128;
            var arm = functionProperties.TryGetProperty("Architectures", out var a) && a.EnumerateArray().Any(x => x.GetString() == "arm64");
            return (memory, arm);
        }
        return (128, false);
    }

    /// <summary>The report written beside a configuration's template: each billed resource and the total.</summary>
    public string ToMarkdown(string configuration)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Fixed monthly cost of `{configuration}`: ${Total:F2}");
        text.AppendLine();
        text.AppendLine("What this template bills every month whether or not a request arrives (AWS list prices, us-east-1, 730 hours a month; free tiers not deducted). Requests, compute, storage and data transfer are billed per use on top.");
        text.AppendLine();
        if (Items.Count == 0)
        {
            text.AppendLine("Nothing: every resource bills per use.");
            return text.ToString();
        }
        text.AppendLine("| resource | type | billed | $ / month |");
        text.AppendLine("| --- | --- | --- | ---: |");
        foreach (var (id, type, what, monthly) in Items)
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{id}` | `{type}` | {what} | {monthly:F2} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | | | **{Total:F2}** |");
        return text.ToString();
    }
}
