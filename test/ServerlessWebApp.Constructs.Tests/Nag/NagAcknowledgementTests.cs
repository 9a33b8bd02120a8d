using System.Text.Json;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Nag;

/// <summary>cdk-nag findings are acknowledged per resource with a reason, and a public front door only when the user chose it.</summary>
[Collection("cdk")]
public class NagAcknowledgementTests
{
    private static IEnumerable<string> AcknowledgedRules(Template template, string type) =>
        template.FindResources(type).Values
            .Select(r => (IDictionary<string, object>)r)
            .Where(r => r.ContainsKey("Metadata"))
            .SelectMany(r => JsonDocument.Parse(JsonSerializer.Serialize(r["Metadata"])).RootElement
                .GetProperty("cdk_nag").GetProperty("rules_to_suppress").EnumerateArray()
                .Select(rule =>
                {
                    Assert.True(rule.GetProperty("reason").GetString()!.Length > 40, "every acknowledgement says why");
                    return rule.GetProperty("id").GetString()!;
                }));

    [Fact]
    public void PublicRouteIsAcknowledgedOnlyBecausePublicAccessWasChosen()
    {
        Assert.Contains("AwsSolutions-APIG4", AcknowledgedRules(TestStacks.Synth(), "AWS::ApiGatewayV2::Route"));
        var authorized = TestStacks.Synth(p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); });
        Assert.Empty(AcknowledgedRules(authorized, "AWS::ApiGatewayV2::Route"));
    }

    [Fact]
    public void OnlyResourceStarIsAcknowledgedOnTheFunctionPolicy()
    {
        var policy = TestStacks.Single(TestStacks.Synth(), "AWS::IAM::Policy");
        var json = JsonSerializer.Serialize(policy["Metadata"]);
        Assert.Contains("AwsSolutions-IAM5", json);
        Assert.Contains("Resource::*", json);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CdkDeploymentHelperFunctionIsAcknowledgedWithCreatedOrSuppliedRoles(bool suppliedRoles)
    {
        var template = TestStacks.Synth(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot, (stack, p) =>
        {
            if (!suppliedRoles) return;
            p.Role = Amazon.CDK.AWS.IAM.Role.FromRoleArn(stack, "R", "arn:aws:iam::123456789012:role/web");
            p.AssetDeploymentRole = Amazon.CDK.AWS.IAM.Role.FromRoleArn(stack, "D", "arn:aws:iam::123456789012:role/deployer");
        });
        var helper = (IDictionary<string, object>)template.FindResources("AWS::Lambda::Function")
            .Single(f => f.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Value;
        var json = JsonSerializer.Serialize(helper["Metadata"]);
        Assert.Contains("AwsSolutions-L1", json);
        Assert.Contains("Serverless-LambdaDLQ", json);
        // Memory and tracing are set on the helper, not acknowledged away.
        Assert.DoesNotContain("Serverless-LambdaTracing", json);
        Assert.DoesNotContain("Serverless-LambdaDefaultMemorySize", json);
        var properties = TestStacks.Properties(helper);
        Assert.Equal(256, Convert.ToInt32(properties["MemorySize"]));
        Assert.Contains("\"Active\"", JsonSerializer.Serialize(properties["TracingConfig"]));
    }

    [Fact]
    public void TwoAppsInOneStackKeepOneSetOfAcknowledgementsOnTheSharedDeploymentHelper()
    {
        // GIVEN two apps with static files in one stack: CDK creates ONE deployment helper (function, role, policy) for
        // both, and between them the user acknowledged a finding of their own on the helper's function
        var stack = TestStacks.NewStack();
        _ = new Constructs.ServerlessWebApp(stack, "First", TestStacks.Props(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot));
        var helper = stack.Node.Children.Single(c => c.Node.Id.StartsWith("Custom::CDKBucketDeployment", StringComparison.Ordinal));
        global::Serverless.WebApp.Constructs.Nag.NagAcknowledgement.AddTo(helper, "Serverless-LambdaTracing", "The user's own reason, written between the two apps.");
        _ = new Constructs.ServerlessWebApp(stack, "Second", TestStacks.Props(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot));

        // WHEN synthesized
        var template = Template.FromStack(stack);

        // THEN each helper resource carries every acknowledgement exactly once, the user's kept: the second app merged, not replaced
        var helperRules = template.FindResources("AWS::Lambda::Function")
            .Concat(template.FindResources("AWS::IAM::Role"))
            .Concat(template.FindResources("AWS::IAM::Policy"))
            .Where(r => r.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal))
            .Select(r => (Type: ((IDictionary<string, object>)r.Value)["Type"].ToString()!, Rules: RulesOf((IDictionary<string, object>)r.Value)))
            .ToList();
        Assert.Equal(3, helperRules.Count);
        foreach (var (type, rules) in helperRules) Assert.Equal(rules.Distinct().Count(), rules.Count);
        Assert.Equal(["AwsSolutions-L1", "Serverless-LambdaDLQ", "Serverless-LambdaLatestVersion", "Serverless-LambdaTracing"],
            helperRules.Single(r => r.Type == "AWS::Lambda::Function").Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, helperRules.Single(r => r.Type == "AWS::IAM::Policy").Rules.Count);
    }

    private static List<(string Id, string Reason)> RulesOf(IDictionary<string, object> resource) =>
        JsonDocument.Parse(JsonSerializer.Serialize(resource["Metadata"])).RootElement
            .GetProperty("cdk_nag").GetProperty("rules_to_suppress").EnumerateArray()
            .Select(rule => (rule.GetProperty("id").GetString()!, rule.GetProperty("reason").GetString()!))
            .ToList();

    [Fact]
    public void CreatedDeploymentHelperRoleMayWriteTraces()
    {
        var template = TestStacks.Synth(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot);
        var helperPolicy = template.FindResources("AWS::IAM::Policy")
            .Single(p => p.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Value;
        Assert.Contains("xray:PutTraceSegments", JsonSerializer.Serialize(helperPolicy));
    }

    [Fact]
    public void FunctionDeadLetterQueueIsAcknowledgedAsTerminal() =>
        Assert.Contains("Serverless-SQSRedrivePolicy", AcknowledgedRules(TestStacks.Synth(), "AWS::SQS::Queue"));
}
