using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Bundling;
using CdkArchitecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace Serverless.WebApp.Constructs.Tests.Bundling;

[Collection("cdk")]
public class SourceHashTests
{
    private readonly string _root = TestFolders.NewDirectory("hash");
    private readonly PublishTarget _target = new(PublishMode.FrameworkDependent, CdkArchitecture.ARM_64);

    public SourceHashTests()
    {
        Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /><Compile Include=\"../shared/Contract.cs\" Link=\"Contract.cs\" /></ItemGroup></Project>");
        Write("App/Program.cs", "Lib.Go();");
        Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("Lib/Lib.cs", "public static class Lib { public static void Go() {} }");
        Write("shared/Contract.cs", "class Contract {}");
    }

    private string AppProject => Path.Combine(_root, "App", "App.csproj");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void BuildOutputDoesNotChangeTheHash()
    {
        var before = SourceHash.Compute(AppProject, _target);
        Write("App/bin/Release/App.dll", "binary");
        Write("Lib/obj/project.assets.json", "{}");
        Assert.Equal(before, SourceHash.Compute(AppProject, _target));
    }

    [Theory]
    [InlineData("App/serverless-tasks.db")]
    [InlineData("App/foundry-results.db-wal")]
    [InlineData("App/data/tasks.db-shm")]
    [InlineData("App/cdk.out/manifest.json")]
    [InlineData("App/artifacts/publish/App.dll")]
    [InlineData("App/.git/HEAD")]
    [InlineData("App/.vs/App/v17/.suo")]
    [InlineData("App/node_modules/x/index.js")]
    [InlineData("App/TestResults/run.trx")]
    [InlineData("Lib/obj/Debug/Lib.dll")]
    public void WhatToolsAndLocalRunsLeaveBehindDoesNotChangeTheHash(string leftBehind)
    {
        var before = SourceHash.Compute(AppProject, _target);
        Write(leftBehind, "local state");
        Assert.Equal(before, SourceHash.Compute(AppProject, _target));
    }

    [Fact]
    public void WhatTheGitIgnoreFilesIgnoreDoesNotChangeTheHash()
    {
        // GIVEN .gitignore files in the folder above the project and in the project
        Write(".gitignore", "# local files\n*.log\n/App/secrets/\nuploads/\n!keep.log\n");
        Write("App/.gitignore", "appsettings.Local.json\n**/generated/**\n");
        var before = SourceHash.Compute(AppProject, _target);

        // WHEN files they ignore appear
        Write("App/server.log", "log");
        Write("App/secrets/key.txt", "secret");
        Write("App/wwwroot/uploads/photo.png", "png");
        Write("App/appsettings.Local.json", "{}");
        Write("App/src/generated/Gen.cs", "class Gen {}");

        // THEN the hash is the same, and a re-included or ordinary file still counts
        Assert.Equal(before, SourceHash.Compute(AppProject, _target));
        Write("App/keep.log", "kept");
        var withKept = SourceHash.Compute(AppProject, _target);
        Assert.NotEqual(before, withKept);
        Write("App/secretsnot/Real.cs", "class Real {}");
        Assert.NotEqual(withKept, SourceHash.Compute(AppProject, _target));
    }

    [Fact]
    public void ReferencedProjectSourceChangesTheHash()
    {
        var before = SourceHash.Compute(AppProject, _target);
        Write("Lib/Lib.cs", "public static class Lib { public static void Go() { System.Console.WriteLine(); } }");
        Assert.NotEqual(before, SourceHash.Compute(AppProject, _target));
    }

    [Fact]
    public void LinkedFileOutsideTheProjectChangesTheHash()
    {
        var before = SourceHash.Compute(AppProject, _target);
        Write("shared/Contract.cs", "class Contract { int X; }");
        Assert.NotEqual(before, SourceHash.Compute(AppProject, _target));
    }

    [Fact]
    public void BuildSettingsAboveTheProjectChangeTheHash()
    {
        var before = SourceHash.Compute(AppProject, _target);
        Write("Directory.Build.props", "<Project />");
        Assert.NotEqual(before, SourceHash.Compute(AppProject, _target));
    }

    [Fact]
    public void PublishModeAndArchitectureChangeTheHash()
    {
        var frameworkDependent = SourceHash.Compute(AppProject, _target);
        Assert.NotEqual(frameworkDependent, SourceHash.Compute(AppProject, _target with { Mode = PublishMode.ReadyToRun }));
        Assert.NotEqual(frameworkDependent, SourceHash.Compute(AppProject, _target with { Architecture = CdkArchitecture.X86_64 }));
    }
}
