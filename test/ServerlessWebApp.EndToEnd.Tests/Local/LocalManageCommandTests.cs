using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.WebApp.EndToEnd.Tests.Lambda;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Local;

/// <summary>
/// The published sample started as <c>FoundryService manage &lt;command&gt; …</c> outside Lambda runs that management
/// command against its local data and exits with the command's exit code, without listening.
/// </summary>
public sealed class LocalManageCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("swa-e2e-manage-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task ManageShowsAResultTheAppStoredAndExitsWithTheCommandsCode()
    {
        // GIVEN a compute-dna task that ran to DONE on the local app, which then stopped
        var app = await SamplePublisher.PublishAsync(PublishMode.FrameworkDependent);
        string taskId;
        await using (var sample = await LocalSample.StartAsync(app, _data, QuickTasks))
        {
            taskId = await SubmitAndWaitAsync(sample.Client, SampleAssertions.Ggccat);
        }

        // WHEN the app is started as `manage results:show <task_id>`, then for a task that has no result
        var shown = await ManageAsync(app, "results:show", taskId);
        var missing = await ManageAsync(app, "results:show", "no-such-task");

        // THEN the first prints the stored analysis and exits 0, the second says so and exits 1
        Assert.True(shown.ExitCode == 0, shown.Output);
        SampleAssertions.ShowsAnalysisOfGgccat(shown.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No result for task no-such-task.", missing.Output);
    }

    [Fact]
    public async Task UnknownCommandListsTheMappedOnesAndExitsWith2()
    {
        var app = await SamplePublisher.PublishAsync(PublishMode.FrameworkDependent);

        var run = await ManageAsync(app, "results:drop");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown command 'results:drop'. Known commands: results:show.", run.Output);
    }

    private static Dictionary<string, string?> QuickTasks => new()
    {
        ["Foundry__ComputeDuration"] = "00:00:00.050",
        ["ServerlessTasks__LocalPollInterval"] = "00:00:00.100",
    };

    /// <summary>Runs the published app with <c>manage</c> and the given arguments to its exit.</summary>
    private async Task<(int ExitCode, string Output)> ManageAsync(PublishedApp app, params string[] args)
    {
        var info = app.StartInfo(new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["ServerlessTasks__LocalDatabasePath"] = Path.Combine(_data, "serverless-tasks.db"),
            ["Foundry__ResultsDatabasePath"] = Path.Combine(_data, "foundry-results.db"),
        });
        info.ArgumentList.Add("manage");
        foreach (var arg in args) info.ArgumentList.Add(arg);
        await using var process = RuntimeProcess.Start(info);
        await process.WaitForExitAsync().WaitAsync(Timeout);
        return (process.ExitCode, process.Output);
    }

    private static async Task<string> SubmitAndWaitAsync(HttpClient client, string sequence)
    {
        using var response = await client.PostAsync("/compute-dna/",
            new StringContent($$"""{"dna_sequence":"{{sequence}}"}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
        using var accepted = JsonDocument.Parse(text);
        var taskId = accepted.RootElement.GetProperty("task_id").GetString()!;

        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"/tasks/{taskId}"));
            if (status.RootElement.GetProperty("state").GetString() == "DONE") return taskId;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Task {taskId} did not finish within {Timeout}.");
    }
}
