using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Bundling;
using CdkArchitecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace Serverless.WebApp.Constructs.Tests.Bundling;

#pragma warning disable CA1416 // Lambda bundles are built on Linux/macOS; the executable bit is what is under test

/// <summary>What each publish mode runs and how it starts, without running dotnet publish.</summary>
[Collection("cdk")]
public class PublishPlanTests
{
    [Fact]
    public void FrameworkDependentPublishTargetsTheFunctionPlatformWithoutAppHost()
    {
        var args = PublishCommand.Arguments("App.csproj", "/out", new PublishTarget(PublishMode.FrameworkDependent, CdkArchitecture.ARM_64));
        Assert.Contains("-p:UseAppHost=false", args);
        Assert.Equal("linux-arm64", args[args.ToList().IndexOf("--runtime") + 1]);
        Assert.Equal("false", args[args.ToList().IndexOf("--self-contained") + 1]);
        Assert.Contains("-nodeReuse:false", args);
        Assert.Contains("-p:UseRazorBuildServer=false", args);
        Assert.DoesNotContain("--disable-build-servers", args);
    }

    [Fact]
    public void EachTargetBuildsInItsOwnArtifactsFolder()
    {
        var arm = PublishCommand.Arguments("App.csproj", "/out", new PublishTarget(PublishMode.ReadyToRun, CdkArchitecture.ARM_64)).ToList();
        var x64 = PublishCommand.Arguments("App.csproj", "/out", new PublishTarget(PublishMode.ReadyToRun, CdkArchitecture.X86_64)).ToList();
        var armPath = arm[arm.IndexOf("--artifacts-path") + 1];
        Assert.NotEqual(armPath, x64[x64.IndexOf("--artifacts-path") + 1]);
        Assert.DoesNotContain(Path.GetFullPath("."), armPath);
    }

    [Fact]
    public void ReadyToRunPublishIsSelfContainedForTheTargetArchitecture()
    {
        var args = PublishCommand.Arguments("App.csproj", "/out", new PublishTarget(PublishMode.ReadyToRun, CdkArchitecture.X86_64));
        Assert.Equal("linux-x64", args[args.ToList().IndexOf("--runtime") + 1]);
        Assert.Contains("-p:PublishReadyToRun=true", args);
        Assert.Equal("true", args[args.ToList().IndexOf("--self-contained") + 1]);
    }

    [Fact]
    public void ReadyToRunForX86IsPrecompiledForAvx2AsADefaultTheProjectCanOverride()
    {
        var x64 = new PublishTarget(PublishMode.ReadyToRun, CdkArchitecture.X86_64);
        Assert.Equal("--instruction-set:x86-64-v3", PublishCommand.DefaultProperties(x64)[PublishCommand.ReadyToRunCompilerArguments]);
        // A -p: argument would be a global property and win over the project file; an environment variable does not.
        Assert.DoesNotContain(PublishCommand.Arguments("App.csproj", "/out", x64), a => a.Contains(PublishCommand.ReadyToRunCompilerArguments));

        Assert.Empty(PublishCommand.DefaultProperties(x64 with { Architecture = CdkArchitecture.ARM_64 }));
        Assert.Empty(PublishCommand.DefaultProperties(x64 with { Mode = PublishMode.NativeAot }));
    }

    [Theory]
    [InlineData("arm64")]
    [InlineData("x86_64")]
    public void FrameworkDependentPrecompilesTheAppReadyToRunAsADefaultTheProjectCanTurnOff(string architecture)
    {
        var target = new PublishTarget(PublishMode.FrameworkDependent, architecture == "arm64" ? CdkArchitecture.ARM_64 : CdkArchitecture.X86_64);
        Assert.Equal("true", PublishCommand.DefaultProperties(target)[PublishCommand.ReadyToRun]);
        // Still framework-dependent (no runtime in the bundle, nothing trimmed), and the project's own
        // PublishReadyToRun=false wins because the default arrives as an environment variable, not as -p:.
        var args = PublishCommand.Arguments("App.csproj", "/out", target);
        Assert.Equal("false", args[args.ToList().IndexOf("--self-contained") + 1]);
        Assert.DoesNotContain(args, a => a.Contains("PublishReadyToRun", StringComparison.Ordinal) || a.Contains("Trim", StringComparison.Ordinal));
        Assert.Equal(architecture == "x86_64", PublishCommand.DefaultProperties(target).ContainsKey(PublishCommand.ReadyToRunCompilerArguments));
    }

    [Theory]
    [InlineData(PublishMode.FrameworkDependent)]
    [InlineData(PublishMode.ReadyToRun)]
    [InlineData(PublishMode.NativeAot)]
    public void TestsAndBenchmarksPublishTheSampleAsTheConstructPublishesIt(PublishMode mode)
    {
        // The harnesses publish for x86_64 (this machine); their arguments and default properties are the construct's.
        var target = new PublishTarget(mode, CdkArchitecture.X86_64);
        var harnessMode = Enum.Parse<Serverless.WebApp.TestSupport.RuntimeApi.PublishMode>(mode.ToString());
        Assert.Equal(PublishCommand.DefaultProperties(target), Serverless.WebApp.TestSupport.RuntimeApi.SamplePublisher.DefaultProperties(harnessMode));
        var construct = PublishCommand.Arguments("App.csproj", "/out", target).SkipWhile(a => a != "-p:GenerateDocumentationFile=false").Skip(1);
        var harness = Serverless.WebApp.TestSupport.RuntimeApi.SamplePublisher.ModeArguments(harnessMode);
        Assert.Equal(construct, harness);
    }

    [Fact]
    public void DefaultPropertiesGoIntoTheEnvironmentWithoutReplacingTheUsersOwn()
    {
        var x64 = new PublishTarget(PublishMode.ReadyToRun, CdkArchitecture.X86_64);
        var fresh = new Dictionary<string, string?>();
        PublishCommand.AddDefaultProperties(fresh, x64);
        Assert.Equal("--instruction-set:x86-64-v3", fresh[PublishCommand.ReadyToRunCompilerArguments]);

        var users = new Dictionary<string, string?> { [PublishCommand.ReadyToRunCompilerArguments] = "--instruction-set:x86-64-v4" };
        PublishCommand.AddDefaultProperties(users, x64);
        Assert.Equal("--instruction-set:x86-64-v4", users[PublishCommand.ReadyToRunCompilerArguments]);
    }

    [Theory]
    [InlineData("error MSB6006: \"crossgen2\" exited with code 135.", true)]
    [InlineData("error MSB6006: \"ilc\" exited with code 139.", true)]
    [InlineData("error MSB6006: \"crossgen2\" exited with code 1.", false)]
    [InlineData("Program.cs(3,1): error CS1002: ; expected", false)]
    public void OnlyABuildToolKilledByASignalCountsAsACrashWorthOneRetry(string output, bool crash)
    {
        Assert.Equal(crash, PublishFailure.IsToolCrash(output));
    }

    [Fact]
    public void NativeAotPublishUsesPublishAot()
    {
        var args = PublishCommand.Arguments("App.csproj", "/out", new PublishTarget(PublishMode.NativeAot, CdkArchitecture.ARM_64));
        Assert.Contains("-p:PublishAot=true", args);
        Assert.Equal("linux-arm64", args[args.ToList().IndexOf("--runtime") + 1]);
    }

    [Fact]
    public void ManagedRuntimeRunsTheAssemblyAndCustomRuntimeRunsBootstrap()
    {
        var managed = new PublishTarget(PublishMode.FrameworkDependent, CdkArchitecture.ARM_64);
        var custom = new PublishTarget(PublishMode.ReadyToRun, CdkArchitecture.ARM_64);
        Assert.Equal("dotnet10", managed.LambdaRuntime.Name);
        Assert.Equal("FoundryService", managed.Handler("FoundryService"));
        Assert.Equal("provided.al2023", custom.LambdaRuntime.Name);
        Assert.Equal("bootstrap", custom.Handler("FoundryService"));
    }

    [Fact]
    public void ReadyToRunLauncherExecsTheAppHostAndIsExecutable()
    {
        var dir = TestFolders.NewDirectory("bootstrap");
        File.WriteAllText(Path.Combine(dir, "FoundryService"), "apphost");
        BootstrapLauncher.Install(dir, "FoundryService", PublishMode.ReadyToRun);
        var bootstrap = Path.Combine(dir, "bootstrap");
        Assert.StartsWith("#!/bin/sh", File.ReadAllText(bootstrap));
        Assert.Contains("exec \"$LAMBDA_TASK_ROOT/FoundryService\"", File.ReadAllText(bootstrap));
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.Exists(Path.Combine(dir, "FoundryService")));
    }

    [Fact]
    public void NativeAotBinaryBecomesTheBootstrap()
    {
        var dir = TestFolders.NewDirectory("aot");
        File.WriteAllText(Path.Combine(dir, "FoundryService"), "native");
        BootstrapLauncher.Install(dir, "FoundryService", PublishMode.NativeAot);
        Assert.Equal("native", File.ReadAllText(Path.Combine(dir, "bootstrap")));
        Assert.False(File.Exists(Path.Combine(dir, "FoundryService")));
        Assert.True(File.GetUnixFileMode(Path.Combine(dir, "bootstrap")).HasFlag(UnixFileMode.OtherExecute));
    }

    [Fact]
    public void BootstrapThatTheAppsOwnPublishWroteIsKeptAndMadeExecutable()
    {
        var dir = TestFolders.NewDirectory("own-bootstrap");
        File.WriteAllText(Path.Combine(dir, "bootstrap"), "apphost renamed by the app's build");
        File.WriteAllText(Path.Combine(dir, "bootstrap.dbg"), "symbols");

        BootstrapLauncher.Install(dir, "FoundryService", PublishMode.NativeAot);

        Assert.Equal("apphost renamed by the app's build", File.ReadAllText(Path.Combine(dir, "bootstrap")));
        Assert.True(File.GetUnixFileMode(Path.Combine(dir, "bootstrap")).HasFlag(UnixFileMode.OtherExecute));
        Assert.False(File.Exists(Path.Combine(dir, "bootstrap.dbg")));
    }

    [Fact]
    public void MissingExecutableAfterPublishNamesAssemblyName()
    {
        var dir = TestFolders.NewDirectory("none");
        var error = Assert.Throws<InvalidOperationException>(() => BootstrapLauncher.Install(dir, "Renamed", PublishMode.ReadyToRun));
        Assert.Contains("AssemblyName", error.Message);
    }
}
