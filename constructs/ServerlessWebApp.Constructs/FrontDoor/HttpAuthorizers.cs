using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// The HTTP API authorizers of one app: one per <see cref="ApiAuthorization"/> object (the default and each route's),
/// so routes that share an authorization share its authorizer.
/// </summary>
internal sealed class HttpAuthorizers
{
    private readonly Dictionary<ApiAuthorization, IHttpRouteAuthorizer> _made = new(ReferenceEqualityComparer.Instance);

    /// <summary>The authorizer for <paramref name="authorization"/>; null (the API's default) for none.</summary>
    public IHttpRouteAuthorizer? For(ApiAuthorization? authorization)
    {
        if (authorization is null) return null;
        if (_made.TryGetValue(authorization, out var known)) return known;
        // The first authorizer keeps the ids it always had; a route's own ones are numbered.
        var suffix = _made.Count == 0 ? "" : _made.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var made = Make(authorization, suffix);
        _made[authorization] = made;
        return made;
    }

    private static IHttpRouteAuthorizer Make(ApiAuthorization authorization, string suffix) => authorization.Kind switch
    {
        ApiAuthorizationKind.Iam => new HttpIamAuthorizer(),
        ApiAuthorizationKind.Jwt => new HttpJwtAuthorizer("JwtAuthorizer" + suffix, authorization.JwtIssuer!, new HttpJwtAuthorizerProps
        {
            JwtAudience = authorization.JwtAudiences.ToArray(),
        }),
        ApiAuthorizationKind.CognitoUserPool => new HttpUserPoolAuthorizer("UserPoolAuthorizer" + suffix, authorization.UserPool!, new HttpUserPoolAuthorizerProps
        {
            UserPoolClients = authorization.UserPoolClients.ToArray(),
        }),
        ApiAuthorizationKind.LambdaAuthorizer => new HttpLambdaAuthorizer("LambdaAuthorizer" + suffix, authorization.AuthorizerFunction!, new HttpLambdaAuthorizerProps
        {
            ResponseTypes = new[] { HttpLambdaResponseType.SIMPLE },
            IdentitySource = new[] { "$request.header.Authorization" },
        }),
        _ => throw new InvalidOperationException($"{authorization.Kind} is not an HTTP API authorization; the validator should have refused it."),
    };
}
