using Amazon.CDK;
using Amazon.CDK.Assertions;
using ServerlessWebApp.Constructs.Tests.Support;
using SwaConstruct = ServerlessWebApp.Constructs.ServerlessWebApp;

namespace ServerlessWebApp.Constructs.Tests.Bundling;

#pragma warning disable CA1416 // the executable bit is what is under test (Linux build machine)

/// <summary>A real self-contained ReadyToRun publish: the bundle must start on provided.al2023 through an executable bootstrap.</summary>
[Collection("cdk")]
public class ReadyToRunBundlingTests
{
    [Fact]
    public void ReadyToRunBundleHasAnExecutableBootstrapThatStartsTheAppHost()
    {
        var outdir = TestFolders.NewDirectory("r2r");
        var stack = new Stack(new Amazon.CDK.App(new AppProps { Outdir = outdir }), "ReadyToRun");
        _ = new SwaConstruct(stack, "Foundry", new ServerlessWebAppProps
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
        if (IsElfExecutable(bootstrap))
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
    }

    private static bool IsElfExecutable(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }
}
