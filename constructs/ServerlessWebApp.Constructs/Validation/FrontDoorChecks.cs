using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.FrontDoor;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The front door: its stage, throttling, logging role and who may call it (<c>Authorization</c> or <c>PublicAccess</c>).</summary>
internal static partial class FrontDoorChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        var kind = FrontDoorDefaults.Kind(props);
        var hasApi = kind is FrontDoorKind.HttpApi or FrontDoorKind.RestApi;

        if (props.StageName is { } stage)
        {
            if (!hasApi)
                findings.Error(nameof(props.StageName), $"is set but FrontDoor {kind} has no stages; allowed: StageName only with FrontDoor HttpApi or RestApi");
            else if (!(StageName().IsMatch(stage) || (kind == FrontDoorKind.HttpApi && stage == FrontDoorDefaults.HttpApiDefaultStage)))
                findings.Error(nameof(props.StageName), $"'{stage}' is invalid; allowed: 1 to 128 letters, digits, '-' and '_'" + (kind == FrontDoorKind.HttpApi ? ", or '$default'" : ""));
        }

        if (!hasApi && (props.ThrottlingRateLimit is not null || props.ThrottlingBurstLimit is not null))
            findings.Error(nameof(props.ThrottlingRateLimit), $"and ThrottlingBurstLimit apply to API stages, not FrontDoor {kind}; allowed: FrontDoor HttpApi or RestApi (cap a function URL with ReservedConcurrentExecutions)");
        if (props.ThrottlingRateLimit is < 0) findings.Error(nameof(props.ThrottlingRateLimit), $"{props.ThrottlingRateLimit} is negative; allowed: 0 or more requests per second");
        if (props.ThrottlingBurstLimit is { } burst && (burst < 0 || burst % 1 != 0)) findings.Error(nameof(props.ThrottlingBurstLimit), $"{burst} is invalid; allowed: a whole number of requests, 0 or more");
        if (props.RestApiCloudWatchRole is not null && kind != FrontDoorKind.RestApi)
            findings.Error(nameof(props.RestApiCloudWatchRole), $"is set but FrontDoor is {kind}; allowed: only with FrontDoor RestApi");

        CheckAuthorization(findings, props, kind);
    }

    private static void CheckAuthorization(Findings findings, ServerlessWebAppProps props, FrontDoorKind kind)
    {
        var auth = props.Authorization;
        var isPublic = props.PublicAccess == true;
        if (kind == FrontDoorKind.None)
        {
            if (auth is not null || isPublic)
                findings.Error(auth is not null ? nameof(props.Authorization) : nameof(props.PublicAccess), "is set but FrontDoor is None (no entry point); allowed: FrontDoor HttpApi, RestApi or FunctionUrl, or leave it unset");
            return;
        }
        if (auth is null && !isPublic)
        {
            findings.Error(nameof(props.Authorization),
                $"is required: FrontDoor {kind} would be open to anyone; allowed: " + string.Join(", ", AllowedAuthorizations(kind)) +
                ", or PublicAccess = true to acknowledge a deliberately public API");
        }
        if (auth is not null && isPublic)
            findings.Error(nameof(props.PublicAccess), "is true but Authorization is also set; allowed: either an Authorization or PublicAccess = true, not both");
        if (auth is null) return;
        CheckAuthorization(findings, nameof(props.Authorization), auth, kind);
    }

    /// <summary>One authorization, the default or a route's (<paramref name="property"/> as the user wrote it): available on the front door and complete.</summary>
    internal static void CheckAuthorization(Findings findings, string property, ApiAuthorization auth, FrontDoorKind kind)
    {
        if (!AllowedKinds(kind).Contains(auth.Kind))
            findings.Error(property, $"{auth.Kind} is not available on FrontDoor {kind}; allowed: {string.Join(", ", AllowedAuthorizations(kind))}");
        switch (auth.Kind)
        {
            case ApiAuthorizationKind.Jwt when auth.JwtIssuer is null || !auth.JwtIssuer.StartsWith("https://", StringComparison.Ordinal):
                findings.Error(property, $"Jwt issuer '{auth.JwtIssuer}' is invalid; allowed: an https:// issuer URL");
                break;
            case ApiAuthorizationKind.Jwt when auth.JwtAudiences.Count == 0:
                findings.Error(property, "Jwt has no audience; allowed: one or more audiences (client ids)");
                break;
            case ApiAuthorizationKind.CognitoUserPool when auth.UserPool is null:
                findings.Error(property, "CognitoUserPool has no user pool; allowed: an IUserPool");
                break;
            case ApiAuthorizationKind.CognitoUserPool when kind == FrontDoorKind.HttpApi && auth.UserPoolClients.Count == 0:
                findings.Error(property, "CognitoUserPool on an HttpApi needs the accepted app clients; allowed: one or more IUserPoolClient");
                break;
            case ApiAuthorizationKind.LambdaAuthorizer when auth.AuthorizerFunction is null:
                findings.Error(property, "LambdaAuthorizer has no function; allowed: an IFunction");
                break;
        }
    }

    private static ApiAuthorizationKind[] AllowedKinds(FrontDoorKind kind) => kind switch
    {
        FrontDoorKind.HttpApi => new[] { ApiAuthorizationKind.Iam, ApiAuthorizationKind.Jwt, ApiAuthorizationKind.CognitoUserPool, ApiAuthorizationKind.LambdaAuthorizer },
        FrontDoorKind.RestApi => new[] { ApiAuthorizationKind.Iam, ApiAuthorizationKind.CognitoUserPool, ApiAuthorizationKind.LambdaAuthorizer, ApiAuthorizationKind.ApiKeys },
        FrontDoorKind.FunctionUrl => new[] { ApiAuthorizationKind.Iam },
        _ => Array.Empty<ApiAuthorizationKind>(),
    };

    private static IEnumerable<string> AllowedAuthorizations(FrontDoorKind kind) => AllowedKinds(kind).Select(k => k switch
    {
        ApiAuthorizationKind.Iam => "ApiAuthorization.Iam()",
        ApiAuthorizationKind.Jwt => "ApiAuthorization.Jwt(issuer, audiences)",
        ApiAuthorizationKind.CognitoUserPool => "ApiAuthorization.CognitoUserPool(userPool, clients)",
        ApiAuthorizationKind.LambdaAuthorizer => "ApiAuthorization.LambdaAuthorizer(function)",
        _ => "ApiAuthorization.ApiKeys()",
    });

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StageName();
}
