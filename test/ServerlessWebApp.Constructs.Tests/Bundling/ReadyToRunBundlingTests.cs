using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.TestSupport;
using RuntimeApi = Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.Constructs.Tests.Bundling;

#pragma warning disable CA1416 // the executable bit is what is under test (Linux build machine)

/// <summary>
/// A real self-contained ReadyToRun publish through the construct, of an app that does not name its executable
/// <c>bootstrap</c> (as the template generates it): the bundle must start on provided.al2023 through the construct's
/// launcher script and the app host, on the runtime the bundle carries. (The sample, which names its own bootstrap and
/// precompiles app and framework as one composite image, is published the same way and run by the end-to-end tests.)
/// </summary>
[Collection("cdk")]
public class ReadyToRunBundlingTests
{
    private static string MinimalApp => Path.Combine(RepositoryPaths.Root, "test", "fixtures", "apps", "MinimalApp", "MinimalApp.csproj");

    [Fact]
    public async Task ReadyToRunBundleStartsTheAppHostThroughTheLauncherScript()
    {
        // GIVEN the app published by the construct as self-contained ReadyToRun for x86_64 (this machine)
        var outdir = TestFolders.NewDirectory("r2r");
        var stack = new Stack(new Amazon.CDK.App(new AppProps { Outdir = outdir }), "ReadyToRun");
        _ = new ServerlessWebApp(stack, "Minimal", new ServerlessWebAppProps
        {
            ProjectPath = MinimalApp,
            PublishMode = PublishMode.ReadyToRun,
            Architecture = Amazon.CDK.AWS.Lambda.Architecture.X86_64,
            PublicAccess = true,
        });
        var template = Template.FromStack(stack);
        var asset = Path.Combine(outdir, "asset." + PublishedSample.AssetHashOf(template));

        // THEN the function runs bootstrap on provided.al2023, and bootstrap is the construct's launcher, which
        // executes the app host under its own name (the app host finds MinimalApp.dll beside it by that name)
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
        }));
        var bootstrap = Path.Combine(asset, "bootstrap");
        Assert.True(File.Exists(bootstrap), $"no bootstrap in {asset}");
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable");
        Assert.Contains("exec \"$LAMBDA_TASK_ROOT/MinimalApp\"", File.ReadAllText(bootstrap));
        Assert.True(File.GetUnixFileMode(Path.Combine(asset, "MinimalApp")).HasFlag(UnixFileMode.UserExecute), "the app host must be executable");
        Assert.True(File.Exists(Path.Combine(asset, "MinimalApp.dll")), "the app host needs its app assembly beside it");
        var runtime = Path.Combine(asset, "libcoreclr.so");
        Assert.True(File.Exists(runtime), "a self-contained bundle carries the runtime");

        // AND started as Lambda starts it, the bundle answers its first event on the runtime it carries
        await using var emulator = await RuntimeApi.LambdaRuntimeApiEmulator.StartAsync();
        var app = new RuntimeApi.PublishedApp(asset, "MinimalApp", RuntimeApi.PublishMode.ReadyToRun);
        await using var process = RuntimeApi.RuntimeProcess.Start(app.StartInfo(RuntimeApi.LambdaEnvironment.For(emulator, app)));

        var result = await emulator.InvokeAsync(RuntimeApi.SampleEvents.HttpApiV2("GET", "/greeting"), TimeSpan.FromSeconds(60));

        Assert.True(result.Succeeded, $"{result}\n{process.Output}");
        var response = new RuntimeApi.HttpResponseShape(result.Json());
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("hello from MinimalApp", response.Body);
        Assert.Contains(runtime, process.MappedFiles());
    }
}
