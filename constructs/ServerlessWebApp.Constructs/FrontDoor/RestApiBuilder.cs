using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>
/// A regional REST API proxying every path to the <c>live</c> alias, with throttling, JSON access logs, execution
/// logs, X-Ray and authorization (API keys get a throttled usage plan).
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
        var authorization = props.Authorization;

        var api = new LambdaRestApi(scope, "RestApi", new LambdaRestApiProps
        {
            Handler = web.Alias,
            Proxy = true,
            Description = $"{scope.NodePath} front door",
            EndpointTypes = new[] { EndpointType.REGIONAL },
            CloudWatchRole = FrontDoorDefaults.RestApiCloudWatchRole(props),
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
            DefaultMethodOptions = MethodOptions(scope, authorization),
        });

        UsagePlan? usagePlan = null;
        if (authorization?.Kind == ApiAuthorizationKind.ApiKeys)
        {
            usagePlan = api.AddUsagePlan("UsagePlan", new UsagePlanProps
            {
                Description = $"{scope.NodePath} API keys",
                Throttle = new ThrottleSettings { RateLimit = rateLimit, BurstLimit = burstLimit },
                ApiStages = new IUsagePlanPerApiStage[] { new UsagePlanPerApiStage { Api = api, Stage = api.DeploymentStage } },
            });
            usagePlan.AddApiKey(api.AddApiKey("ApiKey"));
        }
        return new FrontDoorParts(api.Url, RestApi: api, UsagePlan: usagePlan, AccessLogs: accessLogs);
    }

    private static MethodOptions? MethodOptions(Construct scope, ApiAuthorization? authorization) => authorization?.Kind switch
    {
        null => null,
        ApiAuthorizationKind.Iam => new MethodOptions { AuthorizationType = AuthorizationType.IAM },
        ApiAuthorizationKind.ApiKeys => new MethodOptions { ApiKeyRequired = true },
        ApiAuthorizationKind.CognitoUserPool => new MethodOptions
        {
            AuthorizationType = AuthorizationType.COGNITO,
            Authorizer = new CognitoUserPoolsAuthorizer(scope, "RestApiAuthorizer", new CognitoUserPoolsAuthorizerProps
            {
                CognitoUserPools = new[] { authorization.UserPool! },
            }),
        },
        ApiAuthorizationKind.LambdaAuthorizer => new MethodOptions
        {
            AuthorizationType = AuthorizationType.CUSTOM,
            Authorizer = new TokenAuthorizer(scope, "RestApiAuthorizer", new TokenAuthorizerProps { Handler = authorization.AuthorizerFunction! }),
        },
        _ => throw new InvalidOperationException($"{authorization.Kind} is not a REST API authorization; the validator should have refused it."),
    };
}
