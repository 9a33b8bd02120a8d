using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// A regional REST API proxying every path to the <c>live</c> alias, with throttling, JSON access logs, execution
/// logs, X-Ray, binary media types and authorization (API keys get a throttled usage plan); optionally CORS,
/// per-route authorization, a WAF web ACL and a custom domain.
/// </summary>
internal static class RestApiBuilder
{
    public static FrontDoorParts Build(ServerlessWebApp scope, ServerlessWebAppProps props, FunctionParts web)
    {
        var accessLogs = new LogGroup(scope, "RestApiAccessLogs", new LogGroupProps
        {
            Retention = FunctionDefaults.LogRetention(props),
            RemovalPolicy = RemovalPolicy.RETAIN,
            EncryptionKey = scope.Key,
        });
        var rateLimit = FrontDoorDefaults.RateLimit(props);
        var burstLimit = FrontDoorDefaults.BurstLimit(props);
        var authorizers = new RestAuthorizers(scope);
        var binaryMediaTypes = props.BinaryMediaTypes ?? FrontDoorDefaults.BinaryMediaTypes;

        // Not a proxying LambdaRestApi: that one refuses further resources, which Routes adds. The catch-all below is
        // the same pair of methods it makes (ANY on the root and on {proxy+}).
        var api = new LambdaRestApi(scope, "RestApi", new LambdaRestApiProps
        {
            Handler = web.Alias,
            Proxy = false,
            Description = $"{scope.NodePath} front door",
            EndpointTypes = new[] { EndpointType.REGIONAL },
            CloudWatchRole = FrontDoorDefaults.RestApiCloudWatchRole(props),
            BinaryMediaTypes = binaryMediaTypes.Count > 0 ? binaryMediaTypes.ToArray() : null,
            DisableExecuteApiEndpoint = DomainDefaults.DisableDefaultEndpoint(props) ? true : null,
            DefaultCorsPreflightOptions = props.Cors is { } cors ? Cors(cors) : null,
            DeployOptions = new StageOptions
            {
                StageName = FrontDoorDefaults.StageName(props),
                TracingEnabled = FunctionDefaults.Tracing(props) == Tracing.ACTIVE,
                LoggingLevel = MethodLoggingLevel.INFO,
                DataTraceEnabled = false,
                MetricsEnabled = true,
                ThrottlingRateLimit = rateLimit,
                ThrottlingBurstLimit = burstLimit,
                AccessLogDestination = new LogGroupLogDestination(accessLogs),
                AccessLogFormat = AccessLogFormat.JsonWithStandardFields(new JsonWithStandardFieldProps
                {
                    Caller = true, HttpMethod = true, Ip = true, Protocol = true, RequestTime = true,
                    ResourcePath = true, ResponseLength = true, Status = true, User = true,
                }),
            },
            DefaultMethodOptions = authorizers.For(props.Authorization),
        });
        api.Root.AddProxy(new ProxyResourceOptions { AnyMethod = true });
        var publicMethods = RestRoutesBuilder.Build(props, api, authorizers);
        if (props.Cors is { } corsProps) CorsGatewayResponses(api, corsProps);
        if (binaryMediaTypes.Count > 0) AnswerPreflightAsText(api);

        UsagePlan? usagePlan = null;
        if (UsesApiKeys(props))
        {
            usagePlan = api.AddUsagePlan("UsagePlan", new UsagePlanProps
            {
                Description = $"{scope.NodePath} API keys",
                Throttle = new ThrottleSettings { RateLimit = rateLimit, BurstLimit = burstLimit },
                ApiStages = new IUsagePlanPerApiStage[] { new UsagePlanPerApiStage { Api = api, Stage = api.DeploymentStage } },
            });
            usagePlan.AddApiKey(api.AddApiKey("ApiKey"));
        }

        var webAcl = props.WebAclArn is { } webAclArn
            ? new CfnWebACLAssociation(scope, "WebAclAssociation", new CfnWebACLAssociationProps
            {
                ResourceArn = api.DeploymentStage.StageArn,
                WebAclArn = webAclArn,
            })
            : null;
        var domain = props.Domain is { } domainProps ? DomainBuilder.ForRestApi(scope, domainProps, api) : null;
        return new FrontDoorParts(DomainDefaults.DisableDefaultEndpoint(props) ? domain!.Url : api.Url, RestApi: api, UsagePlan: usagePlan, AccessLogs: accessLogs)
        {
            CustomDomain = domain,
            PublicRoutes = publicMethods,
            WebAclAssociation = webAcl,
        };
    }

    private static bool UsesApiKeys(ServerlessWebAppProps props) =>
        props.Authorization?.Kind == ApiAuthorizationKind.ApiKeys
        || (props.Routes ?? []).Any(r => r.Authorization?.Kind == ApiAuthorizationKind.ApiKeys);

    private static CorsOptions Cors(ServerlessWebAppCorsProps cors) => new()
    {
        AllowOrigins = cors.AllowOrigins!.ToArray(),
        AllowMethods = CorsDefaults.Methods(cors).ToArray(),
        AllowHeaders = CorsDefaults.Headers(cors).ToArray(),
        ExposeHeaders = cors.ExposeHeaders?.ToArray(),
        AllowCredentials = cors.AllowCredentials,
        MaxAge = CorsDefaults.MaxAge(cors),
        StatusCode = 204,
    };

    /// <summary>
    /// API Gateway's own error answers (an authorizer's 401/403, throttling's 429) carry the CORS headers too, so a
    /// browser shows the real status instead of a CORS failure. Only for one origin: a gateway response cannot pick
    /// among several.
    /// </summary>
    private static void CorsGatewayResponses(RestApi api, ServerlessWebAppCorsProps cors)
    {
        if (cors.AllowOrigins is not { Count: 1 } origins) return;
        var headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = $"'{origins[0]}'" };
        if (cors.AllowCredentials == true) headers["Access-Control-Allow-Credentials"] = "'true'";
        if (origins[0] != CorsDefaults.AnyOrigin) headers["Vary"] = "'Origin'";
        api.AddGatewayResponse("Cors4xx", new GatewayResponseOptions { Type = ResponseType_.DEFAULT_4XX, ResponseHeaders = headers });
        api.AddGatewayResponse("Cors5xx", new GatewayResponseOptions { Type = ResponseType_.DEFAULT_5XX, ResponseHeaders = headers });
    }

    /// <summary>
    /// With binary media types, API Gateway would hand the preflight's (empty) request to the mock integration as
    /// binary, which its JSON request template cannot take; CONVERT_TO_TEXT lets the template apply.
    /// </summary>
    private static void AnswerPreflightAsText(RestApi api)
    {
        foreach (var method in api.Node.FindAll().OfType<CfnMethod>())
        {
            if (method.HttpMethod == "OPTIONS") method.AddPropertyOverride("Integration.ContentHandling", "CONVERT_TO_TEXT");
        }
    }
}
