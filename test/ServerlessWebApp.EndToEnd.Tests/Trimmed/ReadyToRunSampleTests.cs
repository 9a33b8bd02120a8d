using System.Runtime.Versioning;

namespace Serverless.WebApp.EndToEnd.Tests.Trimmed;

/// <summary>The self-contained ReadyToRun build: the trimmed-build contract, started through its own runtime as <c>provided.al2023</c> would.</summary>
[SupportedOSPlatform("linux")]
public sealed class ReadyToRunSampleTests(ReadyToRunTaskStack stack) : TrimmedBuildTests(stack), IClassFixture<ReadyToRunTaskStack>
{
    [Fact]
    public void FunctionsRunOnTheRuntimeTheyCarry()
    {
        // GIVEN the web and worker functions started through the package's bootstrap
        // THEN both run the CoreCLR shipped in the package, not a machine-wide .NET
        var shipped = Path.Combine(Stack.App.Directory, "libcoreclr.so");
        Assert.True(File.Exists(shipped), "a self-contained package carries the runtime");
        Assert.True(File.GetUnixFileMode(Path.Combine(Stack.App.Directory, "bootstrap")).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable");
        foreach (var process in Functions)
        {
            Assert.Contains(shipped, MappedFiles(process));
        }
    }
}
