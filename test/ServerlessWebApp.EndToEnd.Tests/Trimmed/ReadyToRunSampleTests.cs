using System.Runtime.Versioning;
using Serverless.WebApp.TestSupport.RuntimeApi;

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
            Assert.Contains(shipped, process.MappedFiles());
        }
    }

    /// <summary>
    /// The package is precompiled for Lambda's x86_64 baseline, AVX2 (the construct's default properties, which the
    /// harness publishes with), so code whose shape depends on the vector width (<c>Vector&lt;T&gt;</c>,
    /// <c>Vector256</c>) is in the composite image; without that baseline this machine JIT-compiles ~20 such methods
    /// before the first response.
    /// </summary>
    [Fact]
    public async Task FirstResponseJitCompilesNoVectorCode()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported) return; // the runtime rightly ignores the AVX2 image here

        // GIVEN a fresh function process that lists every method the JIT compiles
        var jitList = Path.Combine(Directory.CreateTempSubdirectory("swa-r2r-jit").FullName, "jit.txt");
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var environment = LambdaEnvironment.For(emulator, Stack.App);
        environment["DOTNET_JitStdOutFile"] = jitList;
        environment["DOTNET_JitDisasmSummary"] = "1";
        await using var process = RuntimeProcess.Start(Stack.App.StartInfo(environment));

        // WHEN its first event arrives
        var result = await emulator.InvokeAsync(SampleEvents.HttpApiV2("GET", "/compute-dna/"), TimeSpan.FromSeconds(60));

        // THEN it answers, and the JIT compiled stubs and generic instantiations but no vector-width code
        Assert.True(result.Succeeded, $"{result}\n{process.Output}");
        Assert.Equal(200, new HttpResponseShape(result.Json()).StatusCode);
        var jitted = File.ReadAllLines(jitList);
        Assert.NotEmpty(jitted);
        Assert.DoesNotContain(jitted, line => line.Contains("Vector`1[") || line.Contains("Vector256`1["));
        Directory.Delete(Path.GetDirectoryName(jitList)!, recursive: true);
    }
}
