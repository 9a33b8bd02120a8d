using Amazon.CDK.AWS.Lambda;
using ServerlessWebApp.Constructs.Function;

namespace ServerlessWebApp.Constructs.FrontDoor;

/// <summary>A function URL on the <c>live</c> alias: IAM-authorized, or public only with <c>PublicAccess = true</c>.</summary>
internal static class FunctionUrlBuilder
{
    public static FrontDoorParts Build(ServerlessWebAppProps props, FunctionParts web)
    {
        var url = web.Alias.AddFunctionUrl(new FunctionUrlOptions
        {
            AuthType = props.Authorization?.Kind == ApiAuthorizationKind.Iam ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE,
        });
        return new FrontDoorParts(url.Url, FunctionUrl: url);
    }
}
