using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

[Collection("cdk")]
public class HttpApiTests
{
    private static readonly Template Public = TestStacks.Synth();

    [Fact]
    public void DefaultFrontDoorIsHttpApiWhoseCatchAllRouteInvokesTheLiveAlias()
    {
        var alias = Public.FindResources("AWS::Lambda::Alias").Keys.Single();
        Public.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationType"] = "AWS_PROXY",
            ["PayloadFormatVersion"] = "2.0",
            ["IntegrationUri"] = new Dictionary<string, object> { ["Ref"] = alias },
        }));
        Public.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "$default" }));
    }

    [Fact]
    public void DefaultStageIsThrottledAndWritesJsonAccessLogsToARetainedLogGroup()
    {
        Public.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["StageName"] = "$default",
            ["AutoDeploy"] = true,
            ["DefaultRouteSettings"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 100, ["ThrottlingBurstLimit"] = 200 },
            ["AccessLogSettings"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Format"] = Match.StringLikeRegexp("\\$context\\.requestId"),
                ["DestinationArn"] = Match.AnyValue(),
            }),
        }));
        Public.ResourceCountIs("AWS::Logs::LogGroup", 2);
    }

    [Fact]
    public void UrlIsAStackOutputAndPublicProperty()
    {
        var (stack, app) = TestStacks.Create();
        Assert.NotNull(app.Url);
        Assert.NotNull(app.HttpApi);
        Assert.Null(app.RestApi);
        var outputs = Template.FromStack(stack).FindOutputs("*");
        Assert.Contains(outputs.Keys, k => k.StartsWith("WebAppUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicAccessAcknowledgedLeavesRoutesWithoutAuthorization()
    {
        Public.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "NONE" }));
    }

    [Fact]
    public void NamedStageIsCreatedAndPassedToTheFunction()
    {
        var template = TestStacks.Synth(p => p.StageName = "v1");
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object> { ["StageName"] = "v1" }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["SWA_STAGE"] = "v1" }),
            },
        }));
    }

    [Fact]
    public void IamAuthorizationSignsEveryRoute()
    {
        var template = TestStacks.Synth(p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); });
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "AWS_IAM" }));
    }

    [Fact]
    public void JwtAuthorizationCreatesJwtAuthorizerForIssuerAndAudience()
    {
        var template = TestStacks.Synth(p =>
        {
            p.PublicAccess = null;
            p.Authorization = ApiAuthorization.Jwt("https://login.example.com", "foundry-api");
        });
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "JWT",
            ["JwtConfiguration"] = new Dictionary<string, object> { ["Issuer"] = "https://login.example.com", ["Audience"] = new[] { "foundry-api" } },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "JWT" }));
    }

    [Fact]
    public void CognitoAuthorizationUsesTheUserPoolAsJwtIssuer()
    {
        var template = TestStacks.Synth(
            p => p.PublicAccess = null,
            (stack, p) =>
            {
                var pool = new UserPool(stack, "Users");
                p.Authorization = ApiAuthorization.CognitoUserPool(pool, pool.AddClient("Web"));
            });
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "JWT",
            ["JwtConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["Issuer"] = Match.AnyValue() }),
        }));
    }

    [Fact]
    public void LambdaAuthorizationCreatesRequestAuthorizerOnTheAuthorizationHeader()
    {
        var template = TestStacks.Synth(
            p => p.PublicAccess = null,
            (stack, p) => p.Authorization = ApiAuthorization.LambdaAuthorizer(Amazon.CDK.AWS.Lambda.Function.FromFunctionArn(
                stack, "Authorizer", "arn:aws:lambda:eu-west-1:123456789012:function:authorizer")));
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "REQUEST",
            ["IdentitySource"] = new[] { "$request.header.Authorization" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "CUSTOM" }));
    }
}
