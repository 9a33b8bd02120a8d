using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The authorization a front door enforces on every route. Create one with a factory method, e.g.
/// <c>ApiAuthorization.Iam()</c> or <c>ApiAuthorization.Jwt("https://issuer", "audience")</c>.
/// </summary>
public sealed class ApiAuthorization
{
    private ApiAuthorization(ApiAuthorizationKind kind) => Kind = kind;

    /// <summary>Which kind of authorization this is.</summary>
    public ApiAuthorizationKind Kind { get; }

    /// <summary>The JWT issuer URL (Jwt only).</summary>
    public string? JwtIssuer { get; private init; }

    /// <summary>Accepted JWT audiences (Jwt) or user-pool client ids (CognitoUserPool).</summary>
    public IReadOnlyList<string> JwtAudiences { get; private init; } = Array.Empty<string>();

    /// <summary>The Cognito user pool (CognitoUserPool only).</summary>
    public IUserPool? UserPool { get; private init; }

    /// <summary>Accepted user-pool app clients (CognitoUserPool only; HTTP API requires at least one).</summary>
    public IReadOnlyList<IUserPoolClient> UserPoolClients { get; private init; } = Array.Empty<IUserPoolClient>();

    /// <summary>The authorizer function (LambdaAuthorizer only).</summary>
    public IFunction? AuthorizerFunction { get; private init; }

    /// <summary>Callers must sign requests with SigV4 and hold <c>execute-api:Invoke</c> / <c>lambda:InvokeFunctionUrl</c>.</summary>
    public static ApiAuthorization Iam() => new(ApiAuthorizationKind.Iam);

    /// <summary>Callers present a JWT from <paramref name="issuer"/> whose audience is one of <paramref name="audiences"/> (HTTP API).</summary>
    public static ApiAuthorization Jwt(string issuer, params string[] audiences) =>
        new(ApiAuthorizationKind.Jwt) { JwtIssuer = issuer, JwtAudiences = audiences };

    /// <summary>Callers present a token issued by <paramref name="userPool"/> to one of <paramref name="clients"/>.</summary>
    public static ApiAuthorization CognitoUserPool(IUserPool userPool, params IUserPoolClient[] clients) =>
        new(ApiAuthorizationKind.CognitoUserPool) { UserPool = userPool, UserPoolClients = clients };

    /// <summary>A Lambda authorizer decides on the <c>Authorization</c> header.</summary>
    public static ApiAuthorization LambdaAuthorizer(IFunction authorizer) =>
        new(ApiAuthorizationKind.LambdaAuthorizer) { AuthorizerFunction = authorizer };

    /// <summary>Callers send an API key (<c>x-api-key</c>); the construct creates a key and a throttled usage plan (REST API).</summary>
    public static ApiAuthorization ApiKeys() => new(ApiAuthorizationKind.ApiKeys);
}
