using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// The routes of an HTTP API besides its catch-all <c>$default</c>: the exceptions of <c>Routes</c> (public, or with
/// another authorizer), and with <c>Cors</c> the unauthorized <c>OPTIONS</c> routes that let browsers' preflight requests
/// past an authorizer (API Gateway then answers them from the CORS configuration; they outrank <c>$default</c>).
/// </summary>
internal static class HttpRoutesBuilder
{
    /// <summary>Adds the routes; returns the CloudFormation routes that are public by the user's choice (a route marked public).</summary>
    public static IReadOnlyList<CfnResource> Build(ServerlessWebAppProps props, HttpApi api, HttpRouteIntegration integration, HttpAuthorizers authorizers)
    {
        var publicRoutes = new List<CfnResource>();
        var preflightShapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in props.Routes ?? [])
        {
            var key = RouteKey.Parse(route.Route, out _)!;
            var isPublic = route.Public == true;
            var added = Add(api, key, integration, isPublic ? new HttpNoneAuthorizer() : authorizers.For(route.Authorization));
            if (isPublic) publicRoutes.Add(added);
            else if (key.IsAny) preflightShapes.Add(key.Path);
        }

        if (props.Cors is not null)
        {
            // The catch-all route carries the default authorizer: preflight for any path needs its own open route.
            if (props.Authorization is not null) preflightShapes.UnionWith(["/", "/" + FrontDoorDefaults.RestProxyParameter]);
            foreach (var path in preflightShapes.Order(StringComparer.Ordinal))
                Add(api, new RouteKey(RouteKey.Options, path == "/" ? [] : path[1..].Split('/')), integration, new HttpNoneAuthorizer());
        }
        return publicRoutes;
    }

    private static CfnResource Add(HttpApi api, RouteKey key, HttpRouteIntegration integration, IHttpRouteAuthorizer? authorizer)
    {
        var route = api.AddRoutes(new AddRoutesOptions
        {
            Path = key.Path,
            Methods = [Method(key.Method)],
            Integration = integration,
            Authorizer = authorizer,
        }).Single();
        return (CfnResource)route.Node.DefaultChild!;
    }

    private static Amazon.CDK.AWS.Apigatewayv2.HttpMethod Method(string method) => method switch
    {
        "GET" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.GET,
        "POST" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.POST,
        "PUT" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.PUT,
        "PATCH" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.PATCH,
        "DELETE" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.DELETE,
        "HEAD" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.HEAD,
        "OPTIONS" => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.OPTIONS,
        _ => Amazon.CDK.AWS.Apigatewayv2.HttpMethod.ANY,
    };
}
