using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

/// <summary>CORS on the HTTP API, the REST API and a function URL; preflight is answered without the authorizer.</summary>
[Collection("cdk")]
public class CorsTests
{
    private static readonly ServerlessWebAppCorsProps Cors = new()
    {
        AllowOrigins = ["https://app.example.com"],
        AllowCredentials = true,
        ExposeHeaders = ["X-Task-Id"],
        MaxAge = Duration.Minutes(30),
    };

    private static readonly TemplateJson AuthorizedHttp = new(TestStacks.Synth(p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); p.Cors = Cors; }));

    private static readonly TemplateJson AuthorizedRest = new(TestStacks.Synth(p =>
    {
        p.FrontDoor = FrontDoorKind.RestApi;
        p.PublicAccess = null;
        p.Authorization = ApiAuthorization.Iam();
        p.Cors = Cors;
    }));

    [Fact]
    public void HttpApiCarriesTheCorsConfigurationWithDefaultsForMethodsAndHeaders()
    {
        AuthorizedHttp.Template.HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object>
        {
            ["CorsConfiguration"] = new Dictionary<string, object>
            {
                ["AllowOrigins"] = new[] { "https://app.example.com" },
                ["AllowCredentials"] = true,
                ["AllowMethods"] = new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" },
                ["AllowHeaders"] = new[] { "Content-Type", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Api-Key" },
                ["ExposeHeaders"] = new[] { "X-Task-Id" },
                ["MaxAge"] = 1800,
            },
        }));
    }

    [Fact]
    public void AuthorizedHttpApiAnswersPreflightOnOpenOptionsRoutesThatOutrankTheAuthorizedCatchAll()
    {
        var routes = AuthorizedHttp.OfType("AWS::ApiGatewayV2::Route").ToDictionary(r => (string)r.Value["Properties"]!["RouteKey"]!, r => r.Value["Properties"]!);
        Assert.Equal("AWS_IAM", (string?)routes["$default"]["AuthorizationType"]);
        Assert.Equal("NONE", (string?)routes["OPTIONS /{proxy+}"]["AuthorizationType"]);
        Assert.Equal("NONE", (string?)routes["OPTIONS /"]["AuthorizationType"]);
        Assert.Equal(3, routes.Count);
    }

    [Fact]
    public void PublicHttpApiNeedsNoExtraPreflightRoutes()
    {
        var template = new TemplateJson(TestStacks.Synth(p => p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["*"] }));
        Assert.Equal(["$default"], template.OfType("AWS::ApiGatewayV2::Route").Select(r => (string)r.Value["Properties"]!["RouteKey"]!));
        template.Template.HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object>
        {
            ["CorsConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["AllowOrigins"] = new[] { "*" }, ["MaxAge"] = 600 }),
        }));
    }

    [Fact]
    public void RestApiPreflightIsAnUnauthorizedMockThatTakesTheEmptyBodyAsText()
    {
        var preflights = AuthorizedRest.OfType("AWS::ApiGateway::Method").Where(m => (string?)m.Value["Properties"]!["HttpMethod"] == "OPTIONS").ToList();
        Assert.Equal(2, preflights.Count); // the root and {proxy+}
        foreach (var (_, method) in preflights)
        {
            var properties = method["Properties"]!;
            Assert.Equal("NONE", (string?)properties["AuthorizationType"]);
            Assert.Equal("MOCK", (string?)properties["Integration"]!["Type"]);
            Assert.Equal("CONVERT_TO_TEXT", (string?)properties["Integration"]!["ContentHandling"]);
            var headers = properties["Integration"]!["IntegrationResponses"]![0]!["ResponseParameters"]!.AsObject();
            Assert.Equal("'https://app.example.com'", (string?)headers["method.response.header.Access-Control-Allow-Origin"]);
            Assert.Equal("'true'", (string?)headers["method.response.header.Access-Control-Allow-Credentials"]);
            Assert.Equal("'1800'", (string?)headers["method.response.header.Access-Control-Max-Age"]);
        }
        // Every other method keeps the default authorization.
        Assert.All(AuthorizedRest.OfType("AWS::ApiGateway::Method").Where(m => (string?)m.Value["Properties"]!["HttpMethod"] == "ANY"),
            m => Assert.Equal("AWS_IAM", (string?)m.Value["Properties"]!["AuthorizationType"]));
    }

    [Fact]
    public void RestApiGatewayErrorsCarryTheCorsHeadersForASingleOrigin()
    {
        foreach (var type in new[] { "DEFAULT_4XX", "DEFAULT_5XX" })
        {
            AuthorizedRest.Template.HasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.ObjectLike(new Dictionary<string, object>
            {
                ["ResponseType"] = type,
                ["ResponseParameters"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["gatewayresponse.header.Access-Control-Allow-Origin"] = "'https://app.example.com'",
                    ["gatewayresponse.header.Access-Control-Allow-Credentials"] = "'true'",
                }),
            }));
        }
    }

    [Fact]
    public void FunctionUrlCarriesTheCorsConfiguration()
    {
        var template = TestStacks.Synth(p => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["https://app.example.com"], AllowMethods = ["GET", "POST", "OPTIONS"] }; });
        template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Cors"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["AllowOrigins"] = new[] { "https://app.example.com" },
                ["AllowMethods"] = new[] { "GET", "POST" },
                ["MaxAge"] = 600,
            }),
        }));
    }
}
