using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>An HTTP API whose catch-all route invokes the <c>live</c> alias, with throttling, JSON access logs and authorization.</summary>
internal static class HttpApiBuilder
{
    public static FrontDoorParts Build(ServerlessWebApp scope, ServerlessWebAppProps props, FunctionParts web)
    {
        var api = new HttpApi(scope, "HttpApi", new HttpApiProps
        {
            Description = $"{scope.NodePath} front door",
            CreateDefaultStage = false,
            DefaultIntegration = new HttpLambdaIntegration("LiveAlias", web.Alias, new HttpLambdaIntegrationProps
            {
                PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0,
            }),
            DefaultAuthorizer = Authorizer(props.Authorization),
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
        return new FrontDoorParts(stage.Url, HttpApi: api, HttpStage: stage, AccessLogs: accessLogs);
    }

    private static IHttpRouteAuthorizer? Authorizer(ApiAuthorization? authorization) => authorization?.Kind switch
    {
        null => null,
        ApiAuthorizationKind.Iam => new HttpIamAuthorizer(),
        ApiAuthorizationKind.Jwt => new HttpJwtAuthorizer("JwtAuthorizer", authorization.JwtIssuer!, new HttpJwtAuthorizerProps
        {
            JwtAudience = authorization.JwtAudiences.ToArray(),
        }),
        ApiAuthorizationKind.CognitoUserPool => new HttpUserPoolAuthorizer("UserPoolAuthorizer", authorization.UserPool!, new HttpUserPoolAuthorizerProps
        {
            UserPoolClients = authorization.UserPoolClients.ToArray(),
        }),
        ApiAuthorizationKind.LambdaAuthorizer => new HttpLambdaAuthorizer("LambdaAuthorizer", authorization.AuthorizerFunction!, new HttpLambdaAuthorizerProps
        {
            ResponseTypes = new[] { HttpLambdaResponseType.SIMPLE },
            IdentitySource = new[] { "$request.header.Authorization" },
        }),
        _ => throw new InvalidOperationException($"{authorization.Kind} is not an HTTP API authorization; the validator should have refused it."),
    };
}
