using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.FrontDoor;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Tasks;
using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs.Nag;

/// <summary>
/// The cdk-nag (AwsSolutions, Serverless) findings on the construct's resources that are a documented choice or
/// cannot apply, each acknowledged on its own resource with the reason. Nothing here hides a default: a public front
/// door is acknowledged only when the user set <c>PublicAccess = true</c>.
/// </summary>
internal static class ServerlessWebAppAcknowledgements
{
    public const string ResourceStarReason =
        "Only X-Ray (PutTraceSegments, PutTelemetryRecords), in a VPC the EC2 network-interface actions Lambda needs, and " +
        "for a DynamoDB table-stream event source dynamodb:ListStreams use Resource '*': these APIs accept no narrower " +
        "resource. Every other statement is scoped to the construct's resources.";
    public const string BucketObjectsReason =
        "Object-level access to this construct's own bucket: object keys are created at run time, so the resource is the " +
        "bucket's object ARN pattern; the actions are listed explicitly.";
    public const string TerminalDeadLetterQueueReason =
        "This queue is the function's dead-letter queue, the end of the failure path; a redrive policy would only need " +
        "another dead-letter queue. Messages are kept 14 days for inspection.";
    public const string PublicAccessReason =
        "The user set PublicAccess = true: a deliberately public front door (the construct refuses a public API otherwise).";
    public const string PublicRouteReason =
        "The user listed this route in Routes with Public = true (a health check, a webhook receiver that checks its own " +
        "signature): a deliberate exception; every other route keeps the front door's authorization.";
    public const string CorsPreflightReason =
        "A CORS preflight (OPTIONS) route: browsers send it without credentials, so it cannot be authorized; API Gateway " +
        "answers it from the CORS configuration without invoking the app, and the actual request is still authorized.";
    public const string ApiKeysReason =
        "The user chose ApiKeys authorization: every method requires a key of the construct's throttled usage plan " +
        "(ApiKeyRequired), which API Gateway reports as no authorizer. API keys identify callers; choose IAM, Cognito or a " +
        "Lambda authorizer when callers must be authenticated.";
    public const string WafReason =
        "AWS WAF is billed per web ACL and rule every month; this pay-per-use construct leaves it opt-in (associate a web ACL " +
        "with the stage). The stage is throttled and its routes authorized.";
    public const string NonCognitoAuthorizationReason =
        "Methods are authorized by the user's chosen Authorization (IAM, API keys or a Lambda authorizer); " +
        "Cognito user pools are one option among these, not a requirement.";
    public const string ProxyValidationReason =
        "Every path and method is proxied to the app, which validates its requests itself (400 with a message); API " +
        "Gateway holds no model of them, so a request validator would have nothing to check.";
    public const string RestLoggingRoleReason =
        "API Gateway's account-level CloudWatch role, needed for execution logging; AmazonAPIGatewayPushToCloudWatchLogs is " +
        "the policy API Gateway documents for it. Set RestApiCloudWatchRole = false to manage the role outside the stack.";
    public const string RestDeploymentLoggingReason =
        "The deployment carries no stage description: its stage is a separate AWS::ApiGateway::Stage with JSON access logs.";
    /// <summary>
    /// With a payload bucket, the web and worker roles get <c>s3:PutObject</c> / <c>s3:GetObject</c> on
    /// <c>&lt;PayloadBucket.Arn&gt;/*</c> (AwsSolutions-IAM5), in the roles' own default policies.
    /// </summary>
    public const string PayloadObjectsReason =
        "Object-level access to the construct's own task payload bucket: object keys are task ids created at run time, " +
        "so the resource is the bucket's object ARN pattern; the action is a single PutObject (web) or GetObject (worker).";
    public const string DeploymentHelperRuntimeReason =
        "CDK's BucketDeployment handler (deploys the static files while CloudFormation deploys the stack) is a Python " +
        "function whose runtime CDK chooses and the AWS CLI layer it ships is built for; the construct cannot pick another.";
    public const string DeploymentHelperDeadLetterReason =
        "CDK's BucketDeployment handler is invoked only by CloudFormation as a custom resource: when it fails or does not " +
        "answer, the stack deployment fails and rolls back, so no event is left to dead-letter and nothing is lost.";
    public const string DeploymentHelperBasicExecutionReason =
        "CDK creates the BucketDeployment handler's role once per stack with AWSLambdaBasicExecutionRole (write its own " +
        "logs) and offers no other policy; supply AssetDeploymentRole to have no role created at all.";
    public const string DeploymentHelperVpcAccessReason =
        "CDK creates the BucketDeployment handler's role with AWSLambdaVPCAccessExecutionRole when the handler runs in the " +
        "app's VPC (Lambda manages its network interfaces with it) and offers no other policy; supply AssetDeploymentRole " +
        "to have no role created at all.";
    public const string DeploymentHelperObjectsReason =
        "CDK's BucketDeployment handler copies objects from the CDK asset bucket to this construct's static bucket; " +
        "object keys vary per deployment, so the resources are object ARN patterns (actions are explicit).";

    public static void Apply(Construct scope, ServerlessWebAppProps props, FunctionParts web, FunctionParts? worker, FrontDoorParts frontDoor, AssetsParts assets, TasksParts tasks)
    {
        var nag = new NagAcknowledgement();
        var payloadBucket = tasks.Queue?.PayloadBucket;
        // The findings name the buckets by logical id (three jsii round trips each): resolve them once for both functions.
        var stack = new Lazy<Stack>(() => Stack.Of(scope));
        var objectFindings = new Lazy<object[]>(() => new[] { assets.StaticAssetsBucket, assets.UploadsBucket }
            .Where(b => b is not null)
            .Select(b => ObjectsFinding(stack.Value, b!))
            .ToArray());
        var payloadFinding = new Lazy<object?>(() => payloadBucket is null ? null : ObjectsFinding(stack.Value, payloadBucket));
        AcknowledgeFunction(nag, web, objectFindings, payloadFinding);
        if (worker is not null) AcknowledgeFunction(nag, worker, objectFindings, payloadFinding);
        AcknowledgeFrontDoor(nag, props, frontDoor);
        if (assets.StaticAssetsDeployment is { } deployment) AcknowledgeDeploymentHelper(nag, deployment, assets.StaticAssetsHandler, props.Vpc is not null);
        nag.Write();
    }

    private static void AcknowledgeFunction(NagAcknowledgement nag, FunctionParts function, Lazy<object[]> objectFindings, Lazy<object?> payloadFinding)
    {
        if (function.DeadLetterQueue is { } deadLetterQueue)
            nag.Add(deadLetterQueue, "Serverless-SQSRedrivePolicy", TerminalDeadLetterQueueReason);
        if (function.Identity.CreatedRolePolicy?.Policy is not { } policy) return;
        nag.Add(policy, "AwsSolutions-IAM5", ResourceStarReason, "Resource::*");
        if (objectFindings.Value.Length > 0) nag.Add(policy, "AwsSolutions-IAM5", BucketObjectsReason, objectFindings.Value);
        if (payloadFinding.Value is { } payloadObjects)
            nag.Add(policy, "AwsSolutions-IAM5", PayloadObjectsReason, payloadObjects);
    }

    private static object ObjectsFinding(Stack stack, IBucket bucket) =>
        $"Resource::<{stack.GetLogicalId((CfnElement)bucket.Node.DefaultChild!)}.Arn>/*";

    private static void AcknowledgeFrontDoor(NagAcknowledgement nag, ServerlessWebAppProps props, FrontDoorParts frontDoor)
    {
        var publicRoutes = new HashSet<CfnResource>(frontDoor.PublicRoutes, ReferenceEqualityComparer.Instance);
        if (frontDoor.HttpApi is { } httpApi)
        {
            foreach (var route in httpApi.Node.FindAll().OfType<Amazon.CDK.AWS.Apigatewayv2.CfnRoute>())
            {
                if (route.AuthorizationType is null or "NONE")
                    nag.Add(route, "AwsSolutions-APIG4", OpenRouteReason(props, publicRoutes, route, props.Cors is not null && route.RouteKey.StartsWith("OPTIONS ", StringComparison.Ordinal)));
            }
        }
        if (frontDoor.RestApi is not { } restApi) return;

        nag.Add(restApi, "AwsSolutions-APIG2", ProxyValidationReason);
        if (frontDoor.WebAclAssociation is null) nag.Add(restApi.DeploymentStage, "AwsSolutions-APIG3", WafReason);
        nag.Add(restApi.LatestDeployment!, "Serverless-APIGWStructuredLogging", RestDeploymentLoggingReason);
        var restConstructs = restApi.Node.FindAll();
        foreach (var method in restConstructs.OfType<Amazon.CDK.AWS.APIGateway.CfnMethod>())
        {
            var authorizationType = method.AuthorizationType ?? "NONE";
            if (authorizationType == "COGNITO_USER_POOLS") continue;
            // cdk-nag recognises CDK's CORS preflight methods (a mock answering with the CORS headers) and skips them.
            if (method.HttpMethod == "OPTIONS" && props.Cors is not null && !publicRoutes.Contains(method)) continue;
            var reason = authorizationType != "NONE" ? NonCognitoAuthorizationReason
                : method.ApiKeyRequired is true ? ApiKeysReason
                : OpenRouteReason(props, publicRoutes, method, isPreflight: false);
            if (authorizationType == "NONE") nag.Add(method, "AwsSolutions-APIG4", reason);
            nag.Add(method, "AwsSolutions-COG4", reason == ApiKeysReason ? NonCognitoAuthorizationReason : reason);
        }
        foreach (var role in restConstructs.OfType<CfnRole>())
            nag.Add(role, "AwsSolutions-IAM4", RestLoggingRoleReason,
                NagAcknowledgement.Regex("/^Policy::arn:<AWS::Partition>:iam::aws:policy\\/service-role\\/AmazonAPIGatewayPushToCloudWatchLogs$/"));
    }

    /// <summary>Why a route or method without authorization is open: a CORS preflight, a route the user listed as public, or a public API.</summary>
    private static string OpenRouteReason(ServerlessWebAppProps props, HashSet<CfnResource> publicRoutes, CfnResource route, bool isPreflight) =>
        publicRoutes.Contains(route) ? PublicRouteReason
        : isPreflight ? CorsPreflightReason
        : props.PublicAccess == true ? PublicAccessReason
        : throw new InvalidOperationException($"{route.Node.Path} has no authorization, but the front door is neither public nor was this route listed as public.");

    // The handler, its role and policy are CDK's per-stack singletons, shared with every other deployment of the
    // stack: their acknowledgements are merged with those already written (AddShared).
    private static void AcknowledgeDeploymentHelper(
        NagAcknowledgement nag, Amazon.CDK.AWS.S3.Deployment.BucketDeployment deployment, Amazon.CDK.AWS.Lambda.CfnFunction? handler, bool inVpc)
    {
        if (handler is not null)
        {
            foreach (var rule in new[] { "AwsSolutions-L1", "Serverless-LambdaLatestVersion" })
                nag.AddShared(handler, rule, DeploymentHelperRuntimeReason);
            nag.AddShared(handler, "Serverless-LambdaDLQ", DeploymentHelperDeadLetterReason);
        }

        var role = deployment.HandlerRole;
        var roleNode = role.Node;
        if (roleNode.DefaultChild is not CfnRole cfnRole) return; // a supplied AssetDeploymentRole: nothing created to acknowledge
        nag.AddShared(cfnRole, "AwsSolutions-IAM4", DeploymentHelperBasicExecutionReason,
            NagAcknowledgement.Regex("/^Policy::arn:<AWS::Partition>:iam::aws:policy\\/service-role\\/AWSLambdaBasicExecutionRole$/"));
        if (inVpc)
            nag.AddShared(cfnRole, "AwsSolutions-IAM4", DeploymentHelperVpcAccessReason,
                NagAcknowledgement.Regex("/^Policy::arn:<AWS::Partition>:iam::aws:policy\\/service-role\\/AWSLambdaVPCAccessExecutionRole$/"));
        if (roleNode.TryFindChild("DefaultPolicy") is not Policy policy) return;
        nag.AddShared(policy, "AwsSolutions-IAM5", DeploymentHelperObjectsReason, NagAcknowledgement.Regex("/^Resource::.+\\/\\*$/"));
        nag.AddShared(policy, "AwsSolutions-IAM5", ResourceStarReason, "Resource::*");
    }
}
