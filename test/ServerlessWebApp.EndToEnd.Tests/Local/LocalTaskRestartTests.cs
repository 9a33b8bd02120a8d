using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Local;

/// <summary>Off Lambda, tasks live in the local SQLite queue: killing the app loses none of them.</summary>
public sealed class LocalTaskRestartTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("swa-e2e-restart-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task TasksPendingWhenTheAppIsKilledCompleteAfterRestart()
    {
        // GIVEN the app on Kestrel with slow tasks, and several jobs accepted
        var app = await SamplePublisher.PublishAsync(PublishMode.FrameworkDependent);
        var taskIds = new List<string>();
        await using (var first = await LocalSample.StartAsync(app, _data, Settings(TimeSpan.FromMinutes(10))))
        {
            foreach (var sequence in new[] { "ACGT", "GGGCCC", "ATATAT", "CAGT", "TTTT" })
            {
                using var response = await first.Client.PostAsync("/compute-dna/",
                    new StringContent($$"""{"dna_sequence":"{{sequence}}"}""", Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
                Assert.NotNull(response.Headers.Location);
                using var body = JsonDocument.Parse(text);
                taskIds.Add(body.RootElement.GetProperty("task_id").GetString()!);
            }

            // WHEN the process is killed while the tasks are pending or running
            foreach (var id in taskIds) Assert.NotEqual("DONE", await StateAsync(first.Client, id));
            await first.Process.KillAsync();
        }

        // AND the app starts again (now with quick tasks)
        await using var second = await LocalSample.StartAsync(app, _data, Settings(TimeSpan.FromMilliseconds(100)));

        // THEN every task accepted before the kill runs to DONE
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var states = new Dictionary<string, string>();
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in taskIds) states[id] = await StateAsync(second.Client, id);
            if (states.Values.All(s => s == "DONE")) break;
            await Task.Delay(250);
        }
        Assert.All(taskIds, id => Assert.Equal("DONE", states[id]));
    }

    private static Dictionary<string, string?> Settings(TimeSpan computeDuration) => new()
    {
        ["Foundry__ComputeDuration"] = computeDuration.ToString("c"),
        ["ServerlessTasks__LocalPollInterval"] = "00:00:00.200",
        ["ServerlessTasks__LocalRetryDelay"] = "00:00:00.200",
    };

    private static async Task<string> StateAsync(HttpClient client, string taskId)
    {
        using var response = await client.GetAsync($"/tasks/{taskId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /tasks/{taskId}: {(int)response.StatusCode} {text}");
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("state").GetString()!;
    }
}
