using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.Constructs.Tests.Support;
using CdkArchitecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace Serverless.WebApp.Constructs.Tests.Bundling;

/// <summary>
/// The runtime, handler and architecture each publish mode puts in the template, on prebuilt code (no publish).
/// Real publishes of every mode are checked by bench/synth/PublishModes (Native AOT takes over a minute).
/// </summary>
[Collection("cdk")]
public class PublishModeTemplateTests
{
    [Fact]
    public void FrameworkDependentOnX86RunsTheAssemblyOnDotnet10()
    {
        var template = TestStacks.Synth(p => p.Architecture = CdkArchitecture.X86_64);

        AssertFunction(template, runtime: "dotnet10", handler: "FoundryService", architecture: "x86_64");
    }

    [Fact]
    public void FrameworkDependentDefaultsToArm64()
    {
        var template = TestStacks.Synth();

        AssertFunction(template, runtime: "dotnet10", handler: "FoundryService", architecture: "arm64");
    }

    [Fact]
    public void ReadyToRunForArm64IsAcceptedAndRunsBootstrap()
    {
        // GIVEN ReadyToRun for arm64 (crossgen2 on this machine compiles for arm64; the arm64 runtime packs restore)
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.SelfContained;
            p.PublishMode = PublishMode.ReadyToRun;
            p.Architecture = CdkArchitecture.ARM_64;
        });

        AssertFunction(template, runtime: "provided.al2023", handler: "bootstrap", architecture: "arm64");
    }

    [Fact]
    public void NativeAotDefaultsToTheBuildMachineArchitectureAndRunsBootstrap()
    {
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.SelfContained;
            p.PublishMode = PublishMode.NativeAot;
        });

        AssertFunction(template, runtime: "provided.al2023", handler: "bootstrap", architecture: PublishTarget.BuildMachineArchitecture.Name);
    }

    private static void AssertFunction(Template template, string runtime, string handler, string architecture) =>
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = runtime,
            ["Handler"] = handler,
            ["Architectures"] = new[] { architecture },
        }));
}
