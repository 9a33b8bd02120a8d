using System.Net;
using System.Net.Sockets;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.Local;

/// <summary>
/// The published sample on Kestrel, as <c>dotnet run</c> starts it outside Lambda (no <c>AWS_LAMBDA_RUNTIME_API</c>),
/// on a free loopback port and in its own content root so its local SQLite files are private to the test.
/// </summary>
public sealed class LocalSample : IAsyncDisposable
{
    private LocalSample(RuntimeProcess process, HttpClient client)
    {
        Process = process;
        Client = client;
    }

    public RuntimeProcess Process { get; }
    public HttpClient Client { get; }

    public static async Task<LocalSample> StartAsync(PublishedApp app, string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["ServerlessTasks__LocalDatabasePath"] = Path.Combine(dataDirectory, "serverless-tasks.db"),
            ["Foundry__ResultsDatabasePath"] = Path.Combine(dataDirectory, "foundry-results.db"),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) environment[name] = value;
        var process = RuntimeProcess.Start(app.StartInfo(environment));
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var sample = new LocalSample(process, client);
        try
        {
            await sample.WaitUntilListeningAsync();
            return sample;
        }
        catch
        {
            await sample.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited) throw new InvalidOperationException($"The sample exited with {Process.ExitCode}:\n{Process.Output}");
            try
            {
                using var response = await Client.GetAsync("/compute-dna/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"The sample did not listen within 30 s:\n{Process.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
