using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests;

[Collection("cdk")]
public class MultipleInstancesTests
{
    [Fact]
    public void TwoAppsInOneStackGetSeparateFunctionsApisBucketsAndOutputs()
    {
        var stack = TestStacks.NewStack();
        var first = new ServerlessWebApp(stack, "Shop", TestStacks.Props(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot));
        var second = new ServerlessWebApp(stack, "Admin", TestStacks.Props(p => { p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; p.FrontDoor = FrontDoorKind.RestApi; }));
        var template = Template.FromStack(stack);

        template.ResourceCountIs("AWS::Lambda::Alias", 2);
        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGateway::RestApi", 1);
        template.ResourceCountIs("Custom::CDKBucketDeployment", 2);
        Assert.Equal(2, template.FindOutputs("*").Keys.Count(k => k.Contains("Url", StringComparison.Ordinal)));
        Assert.NotSame(first.Function, second.Function);
        // web functions (excluding CDK's one shared deployment helper)
        Assert.Equal(2, template.FindResources("AWS::Lambda::Function").Keys.Count(k => !k.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)));
    }
}
