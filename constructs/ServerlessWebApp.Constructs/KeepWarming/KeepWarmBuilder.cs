using Amazon.CDK.AWS.KMS;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.KeepWarming;

/// <summary>The keep-warm ping on the web function's <c>live</c> alias, unless it is turned off.</summary>
internal static class KeepWarmBuilder
{
    public static KeepWarm? Build(Construct scope, ServerlessWebAppProps props, FunctionParts web, IKey? key) =>
        KeepWarmDefaults.Enabled(props)
            ? new KeepWarm(scope, "KeepWarm", new KeepWarmProps { Alias = web.Alias, Rate = props.KeepWarm?.Rate, EncryptionKey = key })
            : null;
}
