using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

[Collection("cdk")]
public class FunctionUrlAndNoFrontDoorTests
{
    [Fact]
    public void IamFunctionUrlIsOnTheLiveAliasAndGrantable()
    {
        var (stack, app) = TestStacks.Create(p => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); });
        var caller = new Role(stack, "Caller", new RoleProps { AssumedBy = new AccountRootPrincipal() });
        app.GrantInvokeUrl(caller);
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthType"] = "AWS_IAM",
            ["Qualifier"] = "live",
        }));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Action"] = "lambda:InvokeFunctionUrl" }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = "lambda:InvokeFunction",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["lambda:InvokedViaFunctionUrl"] = "true" } },
                    }),
                }),
            }),
        }));
        Assert.NotNull(app.FunctionUrl);
        Assert.NotNull(app.Url);
    }

    [Fact]
    public void PublicFunctionUrlAllowsBothInvokeActionsOnlyThroughTheUrl()
    {
        var template = TestStacks.Synth(p => p.FrontDoor = FrontDoorKind.FunctionUrl);
        template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object> { ["AuthType"] = "NONE" }));
        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 0);
        var alias = template.FindResources("AWS::Lambda::Alias").Keys.Single();
        template.HasResourceProperties("AWS::Lambda::Permission", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Action"] = "lambda:InvokeFunctionUrl",
            ["Principal"] = "*",
            ["FunctionUrlAuthType"] = "NONE",
        }));
        template.HasResourceProperties("AWS::Lambda::Permission", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Action"] = "lambda:InvokeFunction",
            ["Principal"] = "*",
            ["InvokedViaFunctionUrl"] = true,
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = alias },
        }));
    }

    [Fact]
    public void FunctionUrlAllowsTimeoutsBeyondApiGatewayLimits()
    {
        var template = TestStacks.Synth(p => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.Timeout = Amazon.CDK.Duration.Minutes(5); });
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Timeout"] = 300 }));
    }

    [Fact]
    public void NoFrontDoorCreatesNoEntryPointAndOutputsTheAliasToInvoke()
    {
        // (keep-warm off: its rule's invoke permission is not an entry point for requests)
        var (stack, app) = TestStacks.Create(p => { p.FrontDoor = FrontDoorKind.None; p.PublicAccess = null; p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = false }; });
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 0);
        template.ResourceCountIs("AWS::ApiGateway::RestApi", 0);
        template.ResourceCountIs("AWS::Lambda::Url", 0);
        template.ResourceCountIs("AWS::Lambda::Permission", 0);
        Assert.Null(app.Url);
        Assert.Contains(template.FindOutputs("*").Keys, k => k.StartsWith("WebAppInvokeTarget", StringComparison.Ordinal));
    }

    [Fact]
    public void GrantInvokeAllowsInvokingTheLiveAlias()
    {
        // (keep-warm off: its rule's invoke permission is not an entry point for requests)
        var (stack, app) = TestStacks.Create(p => { p.FrontDoor = FrontDoorKind.None; p.PublicAccess = null; p.KeepWarm = new ServerlessWebAppKeepWarmProps { Enabled = false }; });
        var caller = new Role(stack, "Caller", new RoleProps { AssumedBy = new AccountRootPrincipal() });
        app.GrantInvoke(caller);
        var template = Template.FromStack(stack);
        var alias = template.FindResources("AWS::Lambda::Alias").Keys.Single();
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Roles"] = new[] { new Dictionary<string, object> { ["Ref"] = template.FindResources("AWS::IAM::Role").Keys.Single(k => k.StartsWith("Caller", StringComparison.Ordinal)) } },
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = "lambda:InvokeFunction",
                        ["Resource"] = new Dictionary<string, object> { ["Ref"] = alias },
                    }),
                }),
            }),
        }));
    }
}
