using Amazon.CDK.AWS.APIGateway;
using Constructs;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// The REST API method options of one app: one authorizer per <see cref="ApiAuthorization"/> object (the default and
/// each route's), so methods that share an authorization share its authorizer.
/// </summary>
internal sealed class RestAuthorizers(Construct scope)
{
    private readonly Dictionary<ApiAuthorization, MethodOptions> _made = new(ReferenceEqualityComparer.Instance);

    /// <summary>The method options for <paramref name="authorization"/>; null for none.</summary>
    public MethodOptions? For(ApiAuthorization? authorization)
    {
        if (authorization is null) return null;
        if (_made.TryGetValue(authorization, out var known)) return known;
        // The first authorizer keeps the id it always had; a route's own ones are numbered.
        var id = "RestApiAuthorizer" + (_made.Count == 0 ? "" : _made.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var made = Make(authorization, id);
        _made[authorization] = made;
        return made;
    }

    private MethodOptions Make(ApiAuthorization authorization, string id) => authorization.Kind switch
    {
        ApiAuthorizationKind.Iam => new MethodOptions { AuthorizationType = AuthorizationType.IAM },
        ApiAuthorizationKind.ApiKeys => new MethodOptions { ApiKeyRequired = true },
        ApiAuthorizationKind.CognitoUserPool => new MethodOptions
        {
            AuthorizationType = AuthorizationType.COGNITO,
            Authorizer = new CognitoUserPoolsAuthorizer(scope, id, new CognitoUserPoolsAuthorizerProps
            {
                CognitoUserPools = new[] { authorization.UserPool! },
            }),
        },
        ApiAuthorizationKind.LambdaAuthorizer => new MethodOptions
        {
            AuthorizationType = AuthorizationType.CUSTOM,
            Authorizer = new TokenAuthorizer(scope, id, new TokenAuthorizerProps { Handler = authorization.AuthorizerFunction! }),
        },
        _ => throw new InvalidOperationException($"{authorization.Kind} is not a REST API authorization; the validator should have refused it."),
    };
}
