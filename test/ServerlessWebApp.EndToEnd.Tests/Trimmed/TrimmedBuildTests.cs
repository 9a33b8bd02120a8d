using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.WebApp.EndToEnd.Tests.Lambda;
using Serverless.WebApp.EndToEnd.Tests.Tasks;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Trimmed;

/// <summary>
/// The sample's trimmed builds (Native AOT, self-contained ReadyToRun; both with invariant globalisation) run what the
/// framework-dependent build runs: the task flow inherited from <see cref="LambdaTaskFlowTests"/>, every event source,
/// keep-warm and a management command, with the web and worker functions as processes against the Runtime API
/// emulator. Trimming is where reflection-based code breaks, so every path is taken once through each trimmed build.
/// </summary>
[SupportedOSPlatform("linux")] // linux-x64 executables, inspected through /proc
public abstract partial class TrimmedBuildTests(LambdaTaskStack stack) : LambdaTaskFlowTests(stack)
{
    [Fact]
    public void PublishPrintedNoTrimOrAotWarning()
    {
        // GIVEN the sample published in this build's mode (on a clean clone every step runs; a later incremental
        // publish prints only what it redid)
        // THEN dotnet publish printed no trim (IL2xxx) or AOT (IL3xxx) analysis warning
        Assert.DoesNotMatch(TrimOrAotWarning(), Stack.App.PublishLog);
    }

    [Fact]
    public void FunctionsRunWithInvariantGlobalization()
    {
        // GIVEN the web and worker functions running
        // THEN neither has loaded ICU
        foreach (var process in Functions)
        {
            Assert.DoesNotContain("libicu", process.MappedFiles());
        }
    }

    [Theory]
    [InlineData(nameof(SampleEvents.RestApiV1))]
    [InlineData(nameof(SampleEvents.HttpApiV2))]
    [InlineData(nameof(SampleEvents.FunctionUrl))]
    [InlineData(nameof(SampleEvents.AlbSingleValue))]
    [InlineData(nameof(SampleEvents.AlbMultiValue))]
    [InlineData(nameof(SampleEvents.Direct))]
    public async Task EveryEventSourceReachesTheApp(string source)
    {
        // WHEN a GET arrives from the source at the web function
        var response = await HttpAsync(Event(source, "GET", SampleAssertions.GreetingPath));

        // THEN the app's greeting comes back in that source's response shape
        SampleAssertions.IsGreeting(response);
    }

    [Fact]
    public async Task InvalidSequenceProblemNamesTheField()
    {
        // WHEN a POST with a base outside A/C/G/T arrives
        var response = await HttpAsync(SampleEvents.HttpApiV2("POST", SampleAssertions.GreetingPath, SampleAssertions.InvalidSequenceBody));

        // THEN the validation problem is serialized as the framework-dependent build serializes it
        SampleAssertions.IsInvalidSequenceProblem(response);
    }

    [Fact]
    public async Task KeepWarmPingIsAnswered()
    {
        // WHEN the construct's keep-warm rule pings the web function
        var result = await InvokeWebAsync("""{"serverlessWebApp":{"kind":"keep-warm"}}""");

        // THEN it answers warm without entering the app
        var reply = result.Json().GetProperty("serverlessWebApp");
        Assert.Equal("keep-warm", reply.GetProperty("kind").GetString());
        Assert.True(reply.GetProperty("warm").GetBoolean());
    }

    [Fact]
    public async Task ManagementCommandShowsAResultTheWorkerStored()
    {
        // GIVEN a sequence computed by the worker, its result in the DynamoDB results table
        var taskId = await SubmitAsync(SampleAssertions.Ggccat);
        await RunWorkerUntilDoneAsync(taskId);

        // WHEN `results:show <task_id>` is invoked on the web function, as the construct's command output says to
        var result = await InvokeWebAsync(JsonSerializer.Serialize(new { command = "results:show", args = new[] { taskId } }));

        // THEN the command exits 0 and its output is the stored analysis
        var reply = result.Json();
        Assert.True(reply.GetProperty("exitCode").GetInt32() == 0, reply.ToString());
        SampleAssertions.ShowsAnalysisOfGgccat(reply.GetProperty("output").GetString()!);
    }

    /// <summary>The web and worker functions' processes.</summary>
    protected RuntimeProcess[] Functions => [Stack.WebProcess, Stack.WorkerProcess];

    [GeneratedRegex(@"IL[23]\d{3}")]
    protected static partial Regex TrimOrAotCode();

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();

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
}
