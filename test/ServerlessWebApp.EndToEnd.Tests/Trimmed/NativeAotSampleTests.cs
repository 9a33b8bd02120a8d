using System.Runtime.Versioning;
using Serverless.WebApp.TestSupport;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Trimmed;

/// <summary>The Native AOT build: the trimmed-build contract, and a publish that is one native executable compiled warning-free.</summary>
[SupportedOSPlatform("linux")]
public sealed class NativeAotSampleTests(NativeAotTaskStack stack) : TrimmedBuildTests(stack), IClassFixture<NativeAotTaskStack>
{
    [Fact]
    public void IlcTreatsWarningsAsErrorsAndSuppressesNoTrimOrAotWarning()
    {
        // GIVEN the arguments ILC was given for the sample
        var ilcArguments = File.ReadAllLines(Directory.GetFiles(SamplePublisher.ArtifactsPath(PublishMode.NativeAot),
            "FoundryService.ilc.rsp", SearchOption.AllDirectories).Single());

        // THEN every warning is an error and no trim (IL2xxx) or AOT (IL3xxx) warning is suppressed but IL2121 (an
        // unused suppression, the SDK's default): the native code that exists passed a warning-free compilation, even
        // when a later publish reused it
        Assert.Contains("--warnaserror", ilcArguments);
        var suppressed = ilcArguments.Where(a => a.StartsWith("--nowarn:")).SelectMany(a => TrimOrAotCode().Matches(a)).Select(m => m.Value);
        Assert.Equal(["IL2121"], suppressed.Distinct());
    }

    [Fact]
    public void PackageIsOneNativeBootstrapWithNoManagedAssembly()
    {
        var bootstrap = Path.Combine(Stack.App.Directory, "bootstrap");
        Assert.True(ElfFiles.HasElfMagic(bootstrap), "bootstrap is not a native executable");
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable");
        Assert.Empty(Directory.GetFiles(Stack.App.Directory, "*.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void FunctionsLoadNeitherTheJitNorCoreClr()
    {
        foreach (var process in Functions)
        {
            var mapped = process.MappedFiles();
            Assert.DoesNotContain("libclrjit.so", mapped);
            Assert.DoesNotContain("libcoreclr.so", mapped);
        }
    }
}
