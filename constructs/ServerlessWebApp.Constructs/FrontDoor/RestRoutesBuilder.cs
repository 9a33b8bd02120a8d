using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// The methods of a REST API besides its catch-all <c>ANY /</c> and <c>ANY /{proxy+}</c>: the exceptions of
/// <c>Routes</c> (public, or with another authorizer). A REST API routes a request to the most specific resource and
/// does not fall back when that resource lacks the request's method, so every resource a route creates also gets an
/// <c>ANY</c> method with the default authorization: the app keeps answering every other method and path there.
/// </summary>
internal static class RestRoutesBuilder
{
    /// <summary>Adds the methods; returns the CloudFormation methods that are public by the user's choice (a route marked public).</summary>
    public static IReadOnlyList<Amazon.CDK.CfnResource> Build(ServerlessWebAppProps props, RestApi api, RestAuthorizers authorizers)
    {
        var defaults = authorizers.For(props.Authorization);
        var publicMethods = new List<Amazon.CDK.CfnResource>();
        // By path: jsii may hand out a new proxy object for the same resource.
        var created = new Dictionary<string, Amazon.CDK.AWS.APIGateway.Resource>(StringComparer.Ordinal);
        foreach (var route in props.Routes ?? [])
        {
            var key = RouteKey.Parse(route.Route, out _)!;
            var resource = api.Root.ResourceForPath(key.Path);
            var method = route.Public == true
                ? Add(resource, key.Method, new MethodOptions { AuthorizationType = AuthorizationType.NONE, ApiKeyRequired = false }, defaults)
                : Add(resource, key.Method, authorizers.For(route.Authorization)!, defaults);
            if (route.Public == true) publicMethods.Add(method);
            for (Amazon.CDK.AWS.APIGateway.Resource? step = resource; step is not null; step = step.ParentResource as Amazon.CDK.AWS.APIGateway.Resource)
                created.TryAdd(step.Path, step);
        }
        foreach (var resource in created.Values)
        {
            if (resource.Node.TryFindChild(RouteKey.Any) is null) resource.AddMethod(RouteKey.Any);
        }
        return publicMethods;
    }

    /// <summary>
    /// Adds the method with its own authorization. CDK's method keeps a default authorizer (Cognito, Lambda) unless the
    /// options bring another one, so IAM, API-key and public methods under such a default are written on the
    /// CloudFormation method directly.
    /// </summary>
    private static CfnMethod Add(Amazon.CDK.AWS.APIGateway.IResource resource, string httpMethod, MethodOptions options, MethodOptions? defaults)
    {
        if (options.Authorizer is not null || defaults?.Authorizer is null)
            return (CfnMethod)resource.AddMethod(httpMethod, null, options).Node.DefaultChild!;

        var method = (CfnMethod)resource.AddMethod(httpMethod).Node.DefaultChild!;
        method.AuthorizationType = (options.AuthorizationType ?? AuthorizationType.NONE) == AuthorizationType.IAM ? "AWS_IAM" : "NONE";
        method.AddPropertyDeletionOverride("AuthorizerId");
        method.ApiKeyRequired = options.ApiKeyRequired ?? false;
        return method;
    }
}
