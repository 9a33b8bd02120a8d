using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Cognito;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

[Collection("cdk")]
public class RestApiTests
{
    private static readonly Template Public = TestStacks.Synth(p => p.FrontDoor = FrontDoorKind.RestApi);

    [Fact]
    public void RestApiProxiesEveryPathToTheLiveAlias()
    {
        var alias = Public.FindResources("AWS::Lambda::Alias").Keys.Single();
        Public.HasResourceProperties("AWS::ApiGateway::Resource", Match.ObjectLike(new Dictionary<string, object> { ["PathPart"] = "{proxy+}" }));
        Public.HasResourceProperties("AWS::ApiGateway::Method", Match.ObjectLike(new Dictionary<string, object>
        {
            ["HttpMethod"] = "ANY",
            ["Integration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Type"] = "AWS_PROXY",
                ["Uri"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Fn::Join"] = Match.ArrayWith(new object[] { Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Ref"] = alias } }) }),
                }),
            }),
        }));
    }

    [Fact]
    public void RestStageHasTracingExecutionLogsAccessLogsAndThrottling()
    {
        Public.HasResourceProperties("AWS::ApiGateway::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["StageName"] = "prod",
            ["TracingEnabled"] = true,
            ["AccessLogSetting"] = Match.ObjectLike(new Dictionary<string, object> { ["DestinationArn"] = Match.AnyValue() }),
            ["MethodSettings"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["LoggingLevel"] = "INFO",
                    ["DataTraceEnabled"] = false,
                    ["ThrottlingRateLimit"] = 100,
                    ["ThrottlingBurstLimit"] = 200,
                }),
            }),
        }));
    }

    [Fact]
    public void RestApiCreatesTheAccountLoggingRoleByDefault()
    {
        Public.ResourceCountIs("AWS::ApiGateway::Account", 1);
    }

    [Fact]
    public void RestFunctionTimeoutDefaultsToTheIntegrationLimit()
    {
        Public.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Timeout"] = 29 }));
    }

    [Fact]
    public void ApiKeysRequireAKeyOnEveryMethodAndCreateAThrottledUsagePlan()
    {
        var (stack, app) = TestStacks.Create(p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; p.Authorization = ApiAuthorization.ApiKeys(); });
        var template = Template.FromStack(stack);
        template.AllResourcesProperties("AWS::ApiGateway::Method", Match.ObjectLike(new Dictionary<string, object> { ["ApiKeyRequired"] = true }));
        template.HasResourceProperties("AWS::ApiGateway::UsagePlan", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Throttle"] = new Dictionary<string, object> { ["RateLimit"] = 100, ["BurstLimit"] = 200 },
        }));
        template.ResourceCountIs("AWS::ApiGateway::ApiKey", 1);
        template.ResourceCountIs("AWS::ApiGateway::UsagePlanKey", 1);
        Assert.NotNull(app.UsagePlan);
    }

    [Fact]
    public void IamAuthorizationSignsEveryMethod()
    {
        var template = TestStacks.Synth(p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); });
        template.AllResourcesProperties("AWS::ApiGateway::Method", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "AWS_IAM" }));
    }

    [Fact]
    public void CognitoAuthorizationUsesAUserPoolAuthorizer()
    {
        var template = TestStacks.Synth(
            p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; },
            (stack, p) => p.Authorization = ApiAuthorization.CognitoUserPool(new UserPool(stack, "Users")));
        template.HasResourceProperties("AWS::ApiGateway::Authorizer", Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "COGNITO_USER_POOLS" }));
        template.AllResourcesProperties("AWS::ApiGateway::Method", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "COGNITO_USER_POOLS" }));
    }

    [Fact]
    public void LambdaAuthorizationUsesATokenAuthorizer()
    {
        var template = TestStacks.Synth(
            p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; },
            (stack, p) => p.Authorization = ApiAuthorization.LambdaAuthorizer(Amazon.CDK.AWS.Lambda.Function.FromFunctionArn(
                stack, "Authorizer", "arn:aws:lambda:eu-west-1:123456789012:function:authorizer")));
        template.HasResourceProperties("AWS::ApiGateway::Authorizer", Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "TOKEN" }));
        template.AllResourcesProperties("AWS::ApiGateway::Method", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "CUSTOM" }));
    }
}
