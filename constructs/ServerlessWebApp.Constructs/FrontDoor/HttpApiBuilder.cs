using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// An HTTP API whose catch-all route invokes the <c>live</c> alias, with throttling, JSON access logs and
/// authorization; optionally CORS, per-route authorization and a custom domain.
/// </summary>
internal static class HttpApiBuilder
{
    public static FrontDoorParts Build(ServerlessWebApp scope, ServerlessWebAppProps props, FunctionParts web)
    {
        var authorizers = new HttpAuthorizers();
        var integration = new HttpLambdaIntegration("LiveAlias", web.Alias, new HttpLambdaIntegrationProps
        {
            PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0,
        });
        var api = new HttpApi(scope, "HttpApi", new HttpApiProps
        {
            Description = $"{scope.NodePath} front door",
            CreateDefaultStage = false,
            DefaultIntegration = integration,
            DefaultAuthorizer = authorizers.For(props.Authorization),
            CorsPreflight = props.Cors is { } cors ? Cors(cors) : null,
            DisableExecuteApiEndpoint = DomainDefaults.DisableDefaultEndpoint(props) ? true : null,
        });
        var stage = new HttpStage(scope, "HttpApiStage", new HttpStageProps
        {
            HttpApi = api,
            StageName = FrontDoorDefaults.StageName(props)!,
            AutoDeploy = true,
            Throttle = new ThrottleSettings
            {
                RateLimit = FrontDoorDefaults.RateLimit(props),
                BurstLimit = FrontDoorDefaults.BurstLimit(props),
            },
        });

        var accessLogs = new LogGroup(scope, "HttpApiAccessLogs", new LogGroupProps
        {
            Retention = FunctionDefaults.LogRetention(props),
            RemovalPolicy = RemovalPolicy.RETAIN,
            EncryptionKey = scope.Key,
        });
        // The L2 stage of this CDK version has no access-log setting; set it on the CloudFormation resource.
        var cfnStage = (CfnStage)stage.Node.DefaultChild!;
        cfnStage.AccessLogSettings = new CfnStage.AccessLogSettingsProperty
        {
            DestinationArn = accessLogs.LogGroupArn,
            Format = HttpApiAccessLogFormat.Json,
        };

        var publicRoutes = HttpRoutesBuilder.Build(props, api, integration, authorizers);
        var domain = props.Domain is { } domainProps ? DomainBuilder.ForHttpApi(scope, domainProps, api, stage) : null;
        return new FrontDoorParts(DomainDefaults.DisableDefaultEndpoint(props) ? domain!.Url : stage.Url, HttpApi: api, HttpStage: stage, AccessLogs: accessLogs)
        {
            CustomDomain = domain,
            PublicRoutes = publicRoutes,
        };
    }

    private static CorsPreflightOptions Cors(ServerlessWebAppCorsProps cors) => new()
    {
        AllowOrigins = cors.AllowOrigins!.ToArray(),
        AllowMethods = CorsDefaults.Methods(cors).Select(Method).ToArray(),
        AllowHeaders = CorsDefaults.Headers(cors).ToArray(),
        ExposeHeaders = cors.ExposeHeaders?.ToArray(),
        AllowCredentials = cors.AllowCredentials,
        MaxAge = CorsDefaults.MaxAge(cors),
    };

    private static CorsHttpMethod Method(string method) => method switch
    {
        "GET" => CorsHttpMethod.GET,
        "POST" => CorsHttpMethod.POST,
        "PUT" => CorsHttpMethod.PUT,
        "PATCH" => CorsHttpMethod.PATCH,
        "DELETE" => CorsHttpMethod.DELETE,
        "HEAD" => CorsHttpMethod.HEAD,
        _ => CorsHttpMethod.OPTIONS,
    };
}
