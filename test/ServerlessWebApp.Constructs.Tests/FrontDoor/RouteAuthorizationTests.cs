using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Cognito;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.FrontDoor;

/// <summary>Per-route authorization: the default on every route, with public routes and routes with another authorizer as named exceptions.</summary>
[Collection("cdk")]
public class RouteAuthorizationTests
{
    private static readonly TemplateJson Http = new(TestStacks.Synth(p =>
    {
        p.PublicAccess = null;
        p.Authorization = ApiAuthorization.Iam();
        p.Cors = new ServerlessWebAppCorsProps { AllowOrigins = ["https://app.example.com"] };
        p.Routes =
        [
            ServerlessWebAppRoute.PublicRoute("GET /health"),
            ServerlessWebAppRoute.PublicRoute("POST /webhooks/{proxy+}"),
            ServerlessWebAppRoute.Authorized("ANY /admin/{proxy+}", ApiAuthorization.Jwt("https://issuer.example.com", "admin")),
        ];
    }));

    private static readonly TemplateJson Rest = new(TestStacks.Synth(
        p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; },
        (stack, p) =>
        {
            var users = UserPool.FromUserPoolId(stack, "Users", "eu-west-1_Foundry1");
            p.Authorization = ApiAuthorization.CognitoUserPool(users);
            p.Routes =
            [
                ServerlessWebAppRoute.PublicRoute("GET /health"),
                ServerlessWebAppRoute.Authorized("ANY /internal/{proxy+}", ApiAuthorization.Iam()),
                ServerlessWebAppRoute.Authorized("POST /partners/{id}", ApiAuthorization.ApiKeys()),
            ];
        }));

    private static Dictionary<string, System.Text.Json.Nodes.JsonNode> HttpRoutes() =>
        Http.OfType("AWS::ApiGatewayV2::Route").ToDictionary(r => (string)r.Value["Properties"]!["RouteKey"]!, r => r.Value["Properties"]!);

    [Fact]
    public void HttpApiKeepsTheDefaultOnTheCatchAllAndOpensOnlyTheListedRoutes()
    {
        var routes = HttpRoutes();
        Assert.Equal("AWS_IAM", (string?)routes["$default"]["AuthorizationType"]);
        Assert.Equal("NONE", (string?)routes["GET /health"]["AuthorizationType"]);
        Assert.Equal("NONE", (string?)routes["POST /webhooks/{proxy+}"]["AuthorizationType"]);
        Assert.Equal("JWT", (string?)routes["ANY /admin/{proxy+}"]["AuthorizationType"]);
        // Preflight for the catch-all and for the admin route, whose ANY would otherwise take OPTIONS to its authorizer.
        Assert.Equal("NONE", (string?)routes["OPTIONS /admin/{proxy+}"]["AuthorizationType"]);
        Assert.Equal("NONE", (string?)routes["OPTIONS /{proxy+}"]["AuthorizationType"]);
        Assert.Equal(7, routes.Count);
    }

    [Fact]
    public void HttpApiRouteWithItsOwnAuthorizerGetsItsOwnJwtAuthorizer()
    {
        var authorizer = Http.OfType("AWS::ApiGatewayV2::Authorizer").Single();
        Assert.Equal("https://issuer.example.com", (string?)authorizer.Value["Properties"]!["JwtConfiguration"]!["Issuer"]);
        Assert.Equal(authorizer.Key, (string?)HttpRoutes()["ANY /admin/{proxy+}"]["AuthorizerId"]!["Ref"]);
    }

    [Fact]
    public void HttpApiRoutesInvokeTheLiveAlias()
    {
        var integration = Http.OfType("AWS::ApiGatewayV2::Integration").Single().Key;
        Assert.All(HttpRoutes().Values, route => Assert.Equal($"integrations/{integration}", string.Concat(route["Target"]!["Fn::Join"]![1]!.AsArray().Select(x => x is System.Text.Json.Nodes.JsonValue v ? (string?)v : (string?)x!["Ref"]))));
    }

    private static Dictionary<string, System.Text.Json.Nodes.JsonNode> RestMethods()
    {
        var paths = Rest.OfType("AWS::ApiGateway::Resource").ToDictionary(r => r.Key, r => r.Value["Properties"]!);
        string PathOf(System.Text.Json.Nodes.JsonNode? resourceId)
        {
            if (resourceId?["Ref"] is { } reference && paths.TryGetValue((string)reference!, out var resource))
                return PathOf(resource["ParentId"]).TrimEnd('/') + "/" + (string)resource["PathPart"]!;
            return "/";
        }
        return Rest.OfType("AWS::ApiGateway::Method").ToDictionary(
            m => $"{(string)m.Value["Properties"]!["HttpMethod"]!} {PathOf(m.Value["Properties"]!["ResourceId"])}",
            m => m.Value["Properties"]!);
    }

    [Fact]
    public void RestApiPublicRouteHasNoAuthorizerWhileItsResourceKeepsTheDefaultForOtherMethods()
    {
        var methods = RestMethods();
        Assert.Equal("NONE", (string?)methods["GET /health"]["AuthorizationType"]);
        Assert.Null(methods["GET /health"]["AuthorizerId"]);
        Assert.False((bool?)methods["GET /health"]["ApiKeyRequired"] ?? false);
        Assert.Equal("COGNITO_USER_POOLS", (string?)methods["ANY /health"]["AuthorizationType"]);
        Assert.Equal("COGNITO_USER_POOLS", (string?)methods["ANY /"]["AuthorizationType"]);
        Assert.Equal("COGNITO_USER_POOLS", (string?)methods["ANY /{proxy+}"]["AuthorizationType"]);
    }

    [Fact]
    public void RestApiRoutesWithOtherAuthorizationsReplaceTheDefaultAuthorizer()
    {
        var methods = RestMethods();
        Assert.Equal("AWS_IAM", (string?)methods["ANY /internal/{proxy+}"]["AuthorizationType"]);
        Assert.Null(methods["ANY /internal/{proxy+}"]["AuthorizerId"]);
        Assert.Equal("COGNITO_USER_POOLS", (string?)methods["ANY /internal"]["AuthorizationType"]);
        Assert.Equal("NONE", (string?)methods["POST /partners/{id}"]["AuthorizationType"]);
        Assert.True((bool?)methods["POST /partners/{id}"]["ApiKeyRequired"]);
        Assert.Equal("COGNITO_USER_POOLS", (string?)methods["ANY /partners/{id}"]["AuthorizationType"]);
        Assert.Equal("COGNITO_USER_POOLS", (string?)methods["ANY /partners"]["AuthorizationType"]);
        // A route with API keys brings the usage plan and its key.
        Rest.Template.ResourceCountIs("AWS::ApiGateway::UsagePlan", 1);
        Rest.Template.ResourceCountIs("AWS::ApiGateway::ApiKey", 1);
    }
}
