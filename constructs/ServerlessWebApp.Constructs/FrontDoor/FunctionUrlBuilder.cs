using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// A function URL on the <c>live</c> alias: IAM-authorized, or public only with <c>PublicAccess = true</c>.
/// Since October 2025 a function URL call needs <c>lambda:InvokeFunction</c> (via the URL) as well as
/// <c>lambda:InvokeFunctionUrl</c>; this CDK version grants only the latter, so the former is added here.
/// </summary>
internal static class FunctionUrlBuilder
{
    public const string InvokedViaFunctionUrlKey = "lambda:InvokedViaFunctionUrl";

    public static FrontDoorParts Build(Construct scope, ServerlessWebAppProps props, FunctionParts web)
    {
        var isIam = props.Authorization?.Kind == ApiAuthorizationKind.Iam;
        var url = web.Alias.AddFunctionUrl(new FunctionUrlOptions
        {
            AuthType = isIam ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE,
            Cors = props.Cors is { } cors ? Cors(cors) : null,
        });
        if (!isIam)
        {
            var permission = new CfnPermission(scope, "PublicFunctionUrlInvoke", new CfnPermissionProps
            {
                Action = "lambda:InvokeFunction",
                FunctionName = web.Alias.FunctionArn,
                Principal = "*",
            });
            // Newer than this CDK version's resource schema: set on the CloudFormation resource directly.
            permission.AddPropertyOverride("InvokedViaFunctionUrl", true);
        }
        return new FrontDoorParts(url.Url, FunctionUrl: url);
    }

    /// <summary>A function URL takes no OPTIONS in its allowed methods: it answers preflight itself.</summary>
    private static FunctionUrlCorsOptions Cors(ServerlessWebAppCorsProps cors) => new()
    {
        AllowedOrigins = cors.AllowOrigins!.ToArray(),
        AllowedMethods = CorsDefaults.Methods(cors).Where(m => m != RouteKey.Options).Select(Method).ToArray(),
        AllowedHeaders = CorsDefaults.Headers(cors).ToArray(),
        ExposedHeaders = cors.ExposeHeaders?.ToArray(),
        AllowCredentials = cors.AllowCredentials,
        MaxAge = CorsDefaults.MaxAge(cors),
    };

    private static Amazon.CDK.AWS.Lambda.HttpMethod Method(string method) => method switch
    {
        "GET" => Amazon.CDK.AWS.Lambda.HttpMethod.GET,
        "POST" => Amazon.CDK.AWS.Lambda.HttpMethod.POST,
        "PUT" => Amazon.CDK.AWS.Lambda.HttpMethod.PUT,
        "PATCH" => Amazon.CDK.AWS.Lambda.HttpMethod.PATCH,
        "DELETE" => Amazon.CDK.AWS.Lambda.HttpMethod.DELETE,
        _ => Amazon.CDK.AWS.Lambda.HttpMethod.HEAD,
    };

    /// <summary>Both actions an IAM caller of the URL needs, the direct-invoke one only when it comes through the URL.</summary>
    public static Grant GrantInvokeUrl(IFunctionUrl url, IFunction alias, IGrantable grantee)
    {
        var grant = url.GrantInvokeUrl(grantee);
        Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = new[] { "lambda:InvokeFunction" },
            ResourceArns = new[] { alias.FunctionArn },
            Conditions = new Dictionary<string, IDictionary<string, object>>
            {
                ["Bool"] = new Dictionary<string, object> { [InvokedViaFunctionUrlKey] = "true" },
            },
        });
        return grant;
    }
}
