using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.WAFv2;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>What a front door builder created; unused members are null.</summary>
internal sealed record FrontDoorParts(
    string? Url,
    HttpApi? HttpApi = null,
    HttpStage? HttpStage = null,
    RestApi? RestApi = null,
    UsagePlan? UsagePlan = null,
    IFunctionUrl? FunctionUrl = null,
    ILogGroup? AccessLogs = null)
{
    public static FrontDoorParts None { get; } = new((string?)null);

    /// <summary>The custom domain, with <c>Domain</c>.</summary>
    public CustomDomainParts? CustomDomain { get; init; }

    /// <summary>The CloudFormation routes (HTTP API) or methods (REST API) the user listed as public in <c>Routes</c>.</summary>
    public IReadOnlyList<Amazon.CDK.CfnResource> PublicRoutes { get; init; } = [];

    /// <summary>The association of the supplied web ACL with the REST API stage, with <c>WebAclArn</c>.</summary>
    public CfnWebACLAssociation? WebAclAssociation { get; init; }
}
