using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;

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
}
