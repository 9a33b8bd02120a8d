using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessWebApp.EndToEnd.Tests.Lambda;
using ServerlessWebApp.EndToEnd.Tests.Tasks;
using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.EndToEnd.Tests.NativeAot;

/// <summary>
/// The sample published as Native AOT (trimmed, invariant globalisation) runs what the framework-dependent build runs:
/// the task flow inherited from <see cref="LambdaTaskFlowTests"/>, every event source, keep-warm and a management
/// command, with the web and worker functions as native processes against the Runtime API emulator. Trimming and
/// AOT compilation are where reflection-based code breaks, so every path is taken once through the native build.
/// </summary>
[SupportedOSPlatform("linux")] // a linux-x64 executable, inspected through /proc
public sealed partial class NativeAotSampleTests(NativeAotTaskStack stack) : LambdaTaskFlowTests(stack), IClassFixture<NativeAotTaskStack>
{
    [Fact]
    public void PublishIsANativeBootstrapWithoutTrimOrAotWarnings()
    {
        // GIVEN the sample published with -p:PublishAot=true
        var app = Stack.App;

        // THEN ILC was told to treat every warning as an error and to suppress no trim (IL2xxx) or AOT (IL3xxx)
        // warning but IL2121 (an unused suppression, the SDK's default) — so the native code that exists passed a
        // warning-free compilation, even when this publish reused it — and this publish printed none
        var ilcArguments = File.ReadAllLines(Directory.GetFiles(SamplePublisher.ArtifactsPath(PublishMode.NativeAot),
            "FoundryService.ilc.rsp", SearchOption.AllDirectories).Single());
        Assert.Contains("--warnaserror", ilcArguments);
        var suppressed = ilcArguments.Where(a => a.StartsWith("--nowarn:")).SelectMany(a => TrimOrAotCode().Matches(a)).Select(m => m.Value);
        Assert.Equal(["IL2121"], suppressed.Distinct());
        Assert.DoesNotMatch(TrimOrAotWarning(), app.PublishLog);

        // AND the package is one native executable named bootstrap, with no managed assembly to JIT
        var bootstrap = Path.Combine(app.Directory, "bootstrap");
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(bootstrap)[..4]);
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable");
        Assert.Empty(Directory.GetFiles(app.Directory, "*.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void NativeFunctionsLoadNeitherAJitNorIcu()
    {
        // GIVEN the web and worker functions running (the fixture has invoked neither yet, or both: it does not matter)
        foreach (var process in new[] { Stack.WebProcess, Stack.WorkerProcess })
        {
            // THEN neither maps the JIT or the CoreCLR runtime (Native AOT), nor ICU (invariant globalisation)
            var mapped = File.ReadAllText($"/proc/{process.Id}/maps");
            Assert.DoesNotContain("libclrjit.so", mapped);
            Assert.DoesNotContain("libcoreclr.so", mapped);
            Assert.DoesNotContain("libicu", mapped);
        }
    }

    [Theory]
    [InlineData(nameof(SampleEvents.RestApiV1))]
    [InlineData(nameof(SampleEvents.HttpApiV2))]
    [InlineData(nameof(SampleEvents.FunctionUrl))]
    [InlineData(nameof(SampleEvents.AlbSingleValue))]
    [InlineData(nameof(SampleEvents.AlbMultiValue))]
    [InlineData(nameof(SampleEvents.Direct))]
    public async Task EveryEventSourceReachesTheAppThroughTheNativeBuild(string source)
    {
        // WHEN a GET arrives from the source at the native web function
        var response = await HttpAsync(Event(source, "GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in that source's response shape
        SampleAssertions.IsGreeting(response);
    }

    [Fact]
    public async Task InvalidSequenceProblemNamesTheFieldThroughTheNativeBuild()
    {
        // WHEN a POST with a base outside A/C/G/T arrives
        var response = await HttpAsync(SampleEvents.HttpApiV2("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the validation problem is serialized as the framework-dependent build serializes it
        SampleAssertions.IsInvalidSequenceProblem(response);
    }

    [Fact]
    public async Task KeepWarmPingIsAnsweredByTheNativeBuild()
    {
        // WHEN the construct's keep-warm rule pings the web function
        var result = await InvokeWebAsync("""{"serverlessWebApp":{"kind":"keep-warm"}}""");

        // THEN it answers warm without entering the app
        var reply = result.Json().GetProperty("serverlessWebApp");
        Assert.Equal("keep-warm", reply.GetProperty("kind").GetString());
        Assert.True(reply.GetProperty("warm").GetBoolean());
    }

    [Fact]
    public async Task ManagementCommandShowsAResultTheNativeWorkerStored()
    {
        // GIVEN a sequence computed by the native worker, its result in the DynamoDB results table
        var taskId = await SubmitAsync("GGCCAT");
        await RunWorkerUntilDoneAsync(taskId);

        // WHEN `results:show <task_id>` is invoked on the native web function, as `cdk`-side tooling would invoke it
        var result = await InvokeWebAsync(JsonSerializer.Serialize(new { command = "results:show", args = new[] { taskId } }));

        // THEN the command exits 0 and its output is the stored analysis
        var reply = result.Json();
        Assert.True(reply.GetProperty("exitCode").GetInt32() == 0, reply.ToString());
        var line = reply.GetProperty("output").GetString()!.Split('\n').Single(l => l.StartsWith('{'));
        using var analysis = JsonDocument.Parse(line);
        Assert.Equal(6, analysis.RootElement.GetProperty("length").GetInt32());
        Assert.Equal(0.666667, analysis.RootElement.GetProperty("gc_content").GetDouble());
    }

    private static string Event(string source, string method, string path) => source switch
    {
        nameof(SampleEvents.RestApiV1) => SampleEvents.RestApiV1(method, path),
        nameof(SampleEvents.HttpApiV2) => SampleEvents.HttpApiV2(method, path),
        nameof(SampleEvents.FunctionUrl) => SampleEvents.FunctionUrl(method, path),
        nameof(SampleEvents.AlbSingleValue) => SampleEvents.AlbSingleValue(method, path),
        nameof(SampleEvents.AlbMultiValue) => SampleEvents.AlbMultiValue(method, path),
        nameof(SampleEvents.Direct) => SampleEvents.Direct(method, path),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown event source."),
    };

    [GeneratedRegex(@"IL[23]\d{3}")]
    private static partial Regex TrimOrAotCode();

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();
}
