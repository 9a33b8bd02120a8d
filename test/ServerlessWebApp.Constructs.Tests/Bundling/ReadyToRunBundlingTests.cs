using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.TestSupport;
using RuntimeApi = Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.Constructs.Tests.Bundling;

#pragma warning disable CA1416 // the executable bit is what is under test (Linux build machine)

/// <summary>A real self-contained ReadyToRun publish: the bundle must start on provided.al2023 through an executable bootstrap.</summary>
[Collection("cdk")]
public class ReadyToRunBundlingTests
{
    [Fact]
    public async Task ReadyToRunBundleHasAnExecutableBootstrapThatStartsTheAppHost()
    {
        var outdir = TestFolders.NewDirectory("r2r");
        var stack = new Stack(new Amazon.CDK.App(new AppProps { Outdir = outdir }), "ReadyToRun");
        _ = new ServerlessWebApp(stack, "Foundry", new ServerlessWebAppProps
        {
            ProjectPath = PublishedSample.ProjectPath,
            PublishMode = PublishMode.ReadyToRun,
            Architecture = Amazon.CDK.AWS.Lambda.Architecture.X86_64,
            PublicAccess = true,
        });
        var template = Template.FromStack(stack);
        var asset = Path.Combine(outdir, "asset." + PublishedSample.AssetHashOf(template));

        var bootstrap = Path.Combine(asset, "bootstrap");
        Assert.True(File.Exists(bootstrap), $"no bootstrap in {asset}");
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute));
        if (ElfFiles.HasElfMagic(bootstrap))
        {
            // The sample's LambdaBootstrap.targets named the apphost bootstrap itself; it loads FoundryService.dll beside it.
            Assert.True(File.Exists(Path.Combine(asset, "FoundryService.dll")), "the apphost needs its app assembly beside it");
        }
        else
        {
            // The construct's launcher: a script that executes the apphost under its own name.
            Assert.Contains("$LAMBDA_TASK_ROOT/FoundryService", File.ReadAllText(bootstrap));
            Assert.True(File.GetUnixFileMode(Path.Combine(asset, "FoundryService")).HasFlag(UnixFileMode.UserExecute), "the app host must be executable");
        }
        Assert.True(File.Exists(Path.Combine(asset, "libcoreclr.so")), "a self-contained bundle carries the runtime");
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
        }));
        await AnswersWithoutJittingVectorCode(asset);
    }

    /// <summary>
    /// Starts the bundle against a Runtime API emulator and lists what the JIT compiled up to the first response. An
    /// x86_64 bundle is precompiled for AVX2 (<c>PublishCommand.DefaultProperties</c>), so code whose shape depends on
    /// the vector width (<c>Vector&lt;T&gt;</c>, <c>Vector256</c>) is in the image; without that baseline this machine
    /// JIT-compiles ~20 such methods at start.
    /// </summary>
    private static async Task AnswersWithoutJittingVectorCode(string asset)
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported) return; // the runtime rightly ignores the AVX2 image here
        var jitList = Path.Combine(TestFolders.NewDirectory("r2r-jit"), "jit.txt");
        await using var emulator = await RuntimeApi.LambdaRuntimeApiEmulator.StartAsync();
        var app = new RuntimeApi.PublishedApp(asset, "FoundryService", RuntimeApi.PublishMode.ReadyToRun);
        var environment = RuntimeApi.LambdaEnvironment.For(emulator, app);
        environment["DOTNET_JitStdOutFile"] = jitList;
        environment["DOTNET_JitDisasmSummary"] = "1";
        await using var process = RuntimeApi.RuntimeProcess.Start(app.StartInfo(environment));

        var result = await emulator.InvokeAsync(RuntimeApi.SampleEvents.HttpApiV2("GET", "/compute-dna/"), TimeSpan.FromSeconds(60));

        Assert.True(result.Succeeded, $"{result}\n{process.Output}");
        Assert.Equal(200, new RuntimeApi.HttpResponseShape(result.Json()).StatusCode);
        var jitted = File.ReadAllLines(jitList);
        Assert.NotEmpty(jitted); // the list is written: the runtime still JIT-compiles stubs and generic instantiations
        Assert.DoesNotContain(jitted, line => line.Contains("Vector`1[") || line.Contains("Vector256`1["));
    }
}
