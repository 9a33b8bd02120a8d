using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Bundling;

/// <summary>Bundling for real: the sample is published by a local dotnet publish during synth.</summary>
[Collection("cdk")]
public class DotnetPublishBundlingTests
{
    [Fact]
    public void SampleIsPublishedIntoTheAssetWithItsEntryPoint()
    {
        var sample = PublishedSample.Instance;
        Assert.True(File.Exists(Path.Combine(sample.AssetDirectory, "FoundryService.dll")), $"no entry assembly in {sample.AssetDirectory}");
        Assert.True(File.Exists(Path.Combine(sample.AssetDirectory, "FoundryService.runtimeconfig.json")));
        Assert.True(File.Exists(Path.Combine(sample.AssetDirectory, "ServerlessWebApp.Hosting.dll")));
        sample.Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "FoundryService",
            ["Runtime"] = "dotnet10",
        }));
    }

    [Fact]
    public void FrameworkDependentBundleCarriesNativeFilesOnlyForTheFunctionPlatform()
    {
        // GIVEN the sample (it uses SQLite, whose package ships native builds for every OS and CPU), published for arm64
        var sample = PublishedSample.Instance;

        // THEN only the linux-arm64 native library is in the bundle, flattened beside the assemblies
        Assert.False(Directory.Exists(Path.Combine(sample.AssetDirectory, "runtimes")), "native files for other platforms in the bundle");
        var sqlite = File.ReadAllBytes(Path.Combine(sample.AssetDirectory, "libe_sqlite3.so"));
        Assert.Equal(0xB7, BitConverter.ToUInt16(sqlite, 18)); // ELF e_machine = aarch64
    }

    [Fact]
    public void UnchangedSampleIsNotPublishedAgainOnTheNextSynth()
    {
        var sample = PublishedSample.Instance;
        var (template, construct) = sample.Synth();
        Assert.Equal(0, construct.AppCode.Bundler!.PublishCount);
        Assert.Equal(sample.AssetHash, PublishedSample.AssetHashOf(template));
    }

    [Fact]
    public void FailingPublishStopsSynthWithTheCompilersOwnOutput()
    {
        var dir = TestFolders.NewDirectory("broken");
        File.WriteAllText(Path.Combine(dir, "Broken.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "int answer = \"forty-two\";\n");
        var stack = new Stack(new Amazon.CDK.App(new AppProps { Outdir = Path.Combine(dir, "cdk.out") }), "Broken");

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            _ = new ServerlessWebApp(stack, "App", new ServerlessWebAppProps { ProjectPath = Path.Combine(dir, "Broken.csproj"), PublicAccess = true });
            Template.FromStack(stack);
        });
        Assert.Contains("dotnet publish", error.Message);
        Assert.Contains("CS0029", error.Message);
    }
}
