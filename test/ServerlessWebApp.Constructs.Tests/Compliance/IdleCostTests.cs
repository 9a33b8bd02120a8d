using System.Text.Json;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Pay-per-use: in no configuration of the matrix does the construct (its own resources and the CDK helpers it brings
/// into the stack) create a resource billed by the hour or month at zero traffic, except what a configuration opts into,
/// each priced in its prop's docs: the one customer-managed key of <c>DataProtection.EncryptionKey</c>, the rollback
/// alarms of a gradual <c>Deployment</c>, the alarms and dashboard of <c>Monitoring</c>. So the defaults,
/// and every organisation-strict prop but the key, cost $0.00 per month at idle. What a configuration builds beside the
/// construct (an event source's own table or stream) is the app's, billed as the app chose.
/// </summary>
[Collection("cdk")]
public class IdleCostTests
{
    private static ComplianceMatrix Matrix => ComplianceMatrix.Instance;

    /// <summary>The resource types each configuration opts into that bill at idle: a customer-managed key ($1 per month and up), alarms, a dashboard.</summary>
    private static readonly Dictionary<string, string[]> OptedIn = new(StringComparer.Ordinal)
    {
        ["encryption-key"] = ["AWS::KMS::Key"],
        ["org-strict"] = ["AWS::KMS::Key"],
        ["canary-deployment"] = ["AWS::CloudWatch::Alarm"],
        ["release-supplied-roles"] = ["AWS::CloudWatch::Alarm"],
        ["monitoring"] = ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::Dashboard"],
    };

    public static TheoryData<string> Configurations => new(ComplianceConfigurations.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Configurations))]
    public void NothingBillsAtIdleButWhatTheConfigurationOptsInto(string configuration)
    {
        // GIVEN the resources of the configuration's template that the construct created
        var stack = Matrix[configuration].Stack;
        var paths = ComplianceGate.ConstructPaths(stack);
        var apps = stack.Node.FindAll().OfType<ServerlessWebApp>().Select(app => app.Node.Path + "/").ToList();
        Assert.NotEmpty(apps);
        bool CreatedByTheConstruct(string logicalId) => paths.TryGetValue(logicalId, out var path)
            && (apps.Any(app => path.StartsWith(app, StringComparison.Ordinal)) || IsCdkHelper(path[(stack.Node.Path.Length + 1)..]));
        var billed = Matrix[configuration].Resources
            .Where(r => CreatedByTheConstruct(r.LogicalId))
            .Select(r => BilledAtIdle(r.Resource) is { } why ? $"{r.LogicalId}: {why}" : null)
            .OfType<string>()
            .ToList();

        // THEN it holds nothing billed by the hour or month but what the configuration asks for (one key at most)
        var expected = OptedIn.GetValueOrDefault(configuration, []);
        Assert.True(billed.Count == 0 || expected.Length > 0, $"{configuration} bills at zero traffic:\n  {string.Join("\n  ", billed)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), billed.Select(b => b.Split(": ")[1]).Distinct().Order(StringComparer.Ordinal));
        Assert.True(billed.Count(b => b.EndsWith("AWS::KMS::Key", StringComparison.Ordinal)) <= 1, $"{configuration} creates more than one key");
    }

    /// <summary>CDK's per-stack helpers the construct brings (static files' deployment, bucket notifications), by their id in the stack.</summary>
    private static bool IsCdkHelper(string pathInStack) =>
        pathInStack.StartsWith("Custom::", StringComparison.Ordinal) || pathInStack.StartsWith("BucketNotificationsHandler", StringComparison.Ordinal);

    /// <summary>What makes a resource bill by the hour or month whatever the traffic, or null when it does not.</summary>
    private static string? BilledAtIdle(JsonElement resource)
    {
        var type = resource.GetProperty("Type").GetString()!;
        var properties = resource.TryGetProperty("Properties", out var p) ? p : default;
        string? Property(string name) =>
            properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) ? value.ToString() : null;

        return type switch
        {
            "AWS::KMS::Key" or "AWS::EC2::NatGateway" or "AWS::EC2::EIP" or "AWS::CloudWatch::Alarm" or "AWS::CloudWatch::CompositeAlarm"
                or "AWS::CloudWatch::Dashboard" or "AWS::WAFv2::WebACL" or "AWS::Route53::HostedZone" or "AWS::SecretsManager::Secret"
                or "AWS::Kinesis::Stream" or "AWS::EC2::Instance" or "AWS::RDS::DBInstance" or "AWS::RDS::DBCluster" => type,
            "AWS::EC2::VPCEndpoint" when Property("VpcEndpointType") is not "Gateway" => $"{type} (interface endpoint)",
            "AWS::Lambda::Alias" or "AWS::Lambda::Version" when Property("ProvisionedConcurrencyConfig") is not null => $"{type} (provisioned concurrency)",
            "AWS::DynamoDB::Table" or "AWS::DynamoDB::GlobalTable" when Property("BillingMode") is not "PAY_PER_REQUEST" => $"{type} (provisioned capacity)",
            "AWS::ApiGateway::Stage" when Property("CacheClusterEnabled") is "True" or "true" => $"{type} (cache cluster)",
            _ => null,
        };
    }
}
