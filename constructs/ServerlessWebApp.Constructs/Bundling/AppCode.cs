using Amazon.CDK.AWS.Lambda;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>The function code with the runtime, handler and static-assets folder that go with it.</summary>
/// <param name="Code">The Lambda code asset (reuse it for more functions of the same app).</param>
/// <param name="Target">Publish mode and architecture.</param>
/// <param name="Handler">The Lambda handler.</param>
/// <param name="DefaultStaticAssetsPath">The app's <c>wwwroot</c>, when it exists.</param>
/// <param name="Bundler">The publish step, when the code is built from a project.</param>
internal sealed record AppCode(Code Code, PublishTarget Target, string Handler, string? DefaultStaticAssetsPath, DotnetPublishBundling? Bundler)
{
    public Runtime Runtime => Target.LambdaRuntime;
}
