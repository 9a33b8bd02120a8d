using Amazon.CDK;
using Constructs;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.FrontDoor;

/// <summary>Builds the chosen front door and publishes the URL as a stack output (the function learns its stage from <see cref="FunctionBuilder.Environment"/>).</summary>
internal static class FrontDoorBuilder
{
    public static FrontDoorParts Build(ServerlessWebApp scope, ServerlessWebAppProps props, FunctionParts web)
    {
        var kind = FrontDoorDefaults.Kind(props);
        var parts = kind switch
        {
            FrontDoorKind.HttpApi => HttpApiBuilder.Build(scope, props, web),
            FrontDoorKind.RestApi => RestApiBuilder.Build(scope, props, web),
            FrontDoorKind.FunctionUrl => FunctionUrlBuilder.Build(scope, props, web),
            _ => FrontDoorParts.None,
        };

        if (parts.Url is not null)
        {
            _ = new CfnOutput(scope, "Url", new CfnOutputProps { Value = parts.Url, Description = $"{scope.NodePath} URL ({kind})" });
        }
        else
        {
            _ = new CfnOutput(scope, "InvokeTarget", new CfnOutputProps
            {
                Value = web.Alias.FunctionArn,
                Description = $"{scope.NodePath}: no front door; invoke this alias directly (aws lambda invoke)",
            });
        }
        return parts;
    }
}
