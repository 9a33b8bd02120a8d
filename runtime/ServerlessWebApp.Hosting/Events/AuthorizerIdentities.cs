using System.Security.Claims;
using System.Text.Json;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Turns what the front door's authorizer established into <c>HttpContext.User</c>. Claim types are the field
/// names AWS uses (<c>sub</c>, <c>principalId</c>, <c>userArn</c>, …) so apps can look them up as they appear in the
/// event. Authentication types: <c>JWT</c>, <c>Cognito</c> (REST user-pool authorizer), <c>Lambda</c>, <c>AWS_IAM</c>.
/// </summary>
internal static class AuthorizerIdentities
{
    private static readonly string[] RestIamFields =
    [
        "userArn", "caller", "user", "accountId", "accessKey", "cognitoIdentityId", "cognitoIdentityPoolId",
        "cognitoAuthenticationType", "cognitoAuthenticationProvider", "principalOrgId",
    ];

    /// <summary>REST API (payload 1.0): Cognito claims, Lambda-authorizer context, or the IAM caller.</summary>
    public static ClaimsPrincipal? FromRestRequestContext(JsonElement requestContext)
    {
        List<ClaimsIdentity>? identities = null;
        if (EventJson.TryGetObject(requestContext, "authorizer"u8, out var authorizer))
        {
            if (EventJson.TryGetObject(authorizer, "claims"u8, out var claims))
            {
                Add(ref identities, Identity(claims, "Cognito", "sub"));
            }
            else if (authorizer.TryGetProperty("principalId"u8, out _))
            {
                Add(ref identities, Identity(authorizer, "Lambda", "principalId"));
            }
        }

        if (EventJson.TryGetObject(requestContext, "identity"u8, out var identity) && EventJson.HasString(identity, "userArn"u8))
        {
            var iam = new ClaimsIdentity("AWS_IAM", "userArn", ClaimTypes.Role);
            foreach (var field in RestIamFields)
            {
                if (EventJson.GetString(identity, field) is { } value) iam.AddClaim(new Claim(field, value));
            }
            Add(ref identities, iam);
        }

        return identities is null ? null : new ClaimsPrincipal(identities);
    }

    /// <summary>HTTP API / function URL (payload 2.0): JWT claims and scopes, IAM caller, or Lambda-authorizer context.</summary>
    public static ClaimsPrincipal? FromHttpApiRequestContext(JsonElement requestContext)
    {
        if (!EventJson.TryGetObject(requestContext, "authorizer"u8, out var authorizer)) return null;

        if (EventJson.TryGetObject(authorizer, "jwt"u8, out var jwt))
        {
            var identity = EventJson.TryGetObject(jwt, "claims"u8, out var claims)
                ? Identity(claims, "JWT", "sub")
                : new ClaimsIdentity("JWT", "sub", "scope");
            if (EventJson.TryGetArray(jwt, "scopes"u8, out var scopes))
            {
                foreach (var scope in scopes.EnumerateArray())
                {
                    if (scope.GetString() is { } value) identity.AddClaim(new Claim("scope", value));
                }
            }
            return new ClaimsPrincipal(identity);
        }

        if (EventJson.TryGetObject(authorizer, "iam"u8, out var iam))
        {
            var identity = Identity(iam, "AWS_IAM", "userArn", skip: "cognitoIdentity");
            if (EventJson.TryGetObject(iam, "cognitoIdentity"u8, out var cognito))
            {
                AddClaims(identity, cognito, skip: null);
            }
            return new ClaimsPrincipal(identity);
        }

        if (EventJson.TryGetObject(authorizer, "lambda"u8, out var lambdaContext))
        {
            return new ClaimsPrincipal(Identity(lambdaContext, "Lambda", "principalId"));
        }

        return null;
    }

    private static ClaimsIdentity Identity(JsonElement values, string authenticationType, string nameType, string? skip = null)
    {
        var identity = new ClaimsIdentity(authenticationType, nameType, ClaimTypes.Role);
        AddClaims(identity, values, skip);
        return identity;
    }

    /// <summary>One claim per scalar; one claim per item of an array; nested objects as their JSON text.</summary>
    private static void AddClaims(ClaimsIdentity identity, JsonElement values, string? skip)
    {
        foreach (var property in values.EnumerateObject())
        {
            if (skip is not null && property.NameEquals(skip)) continue;
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (EventJson.ScalarText(item) is { } text) identity.AddClaim(new Claim(property.Name, text));
                }
            }
            else if (EventJson.ScalarText(property.Value) is { } value)
            {
                identity.AddClaim(new Claim(property.Name, value));
            }
        }
    }

    private static void Add(ref List<ClaimsIdentity>? identities, ClaimsIdentity identity) => (identities ??= []).Add(identity);
}
