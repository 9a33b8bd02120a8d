namespace Serverless.WebApp.Constructs;

/// <summary>The kind of caller authorization a front door enforces.</summary>
public enum ApiAuthorizationKind
{
    /// <summary>Callers sign requests with SigV4 (HTTP API, REST API, function URL).</summary>
    Iam,
    /// <summary>JWT bearer tokens from an OpenID Connect issuer (HTTP API).</summary>
    Jwt,
    /// <summary>Tokens from an Amazon Cognito user pool (HTTP API, REST API).</summary>
    CognitoUserPool,
    /// <summary>A Lambda authorizer function (HTTP API, REST API).</summary>
    LambdaAuthorizer,
    /// <summary>API keys tied to a usage plan (REST API).</summary>
    ApiKeys,
}
