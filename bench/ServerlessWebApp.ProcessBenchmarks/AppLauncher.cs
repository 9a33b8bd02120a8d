using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Serverless.WebApp.TestSupport;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>Starts the published sample either against a Runtime API emulator or on Kestrel, with the same settings.</summary>
internal static class AppLauncher
{
    public const string Path = "/compute-dna/";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public static readonly string GetEvent = SampleEvents.HttpApiV2("GET", Path);

    /// <summary>The headers of <see cref="GetEvent"/>, for sending the same request to Kestrel.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> GetEventHeaders() =>
        JsonNode.Parse(GetEvent)!["headers"]!.AsObject().Select(h => KeyValuePair.Create(h.Key, h.Value!.GetValue<string>())).ToList();

    /// <summary>Settings both hosts share, so the comparison differs only in how requests arrive.</summary>
    private static Dictionary<string, string?> Common(PublishMode mode, ProcessSettings settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
        if (settings == ProcessSettings.Deployed)
        {
            foreach (var (name, value) in DeployedProcessSettings.For(mode)) environment[name] = value;
        }
        return environment;
    }

    /// <summary>Starts the app against <paramref name="emulator"/>; <paramref name="extra"/> variables go on top of the shared settings.</summary>
    public static RuntimeProcess StartLambda(
        PublishedApp app, LambdaRuntimeApiEmulator emulator, ProcessSettings settings, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = LambdaEnvironment.For(emulator, app.Directory);
        foreach (var (name, value) in Common(app.Mode, settings)) environment[name] = value;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) environment[name] = value;
        return RuntimeProcess.Start(app.StartInfo(environment));
    }

    public static RuntimeProcess StartKestrel(PublishedApp app, ProcessSettings settings, out Uri baseAddress)
    {
        baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = Common(app.Mode, settings);
        environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        return RuntimeProcess.Start(app.StartInfo(environment));
    }

    public static HttpClient KestrelClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(1),
        PooledConnectionLifetime = Timeout.Add(Timeout),
        UseProxy = false,
    }) { BaseAddress = baseAddress };

    /// <summary>Retries the GET until the app answers 200; returns the time from process start to that answer.</summary>
    public static async Task<TimeSpan> WaitForFirstKestrelResponseAsync(RuntimeProcess process, HttpClient client)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await client.GetAsync(Path);
                var answered = Stopwatch.GetTimestamp();
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(process.StartTimestamp, answered);
                throw new InvalidOperationException($"GET {Path} answered {(int)response.StatusCode}.");
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
                Thread.Sleep(1); // not listening yet: a short sleep, not a spin, so the app keeps both cores
            }
        }
        throw new TimeoutException($"No answer on Kestrel within {Timeout}. Output:\n{process.Output}");
    }

    /// <summary>Requires a 200 HTTP-shaped response from the Lambda loop.</summary>
    public static InvocationResult EnsureOk(InvocationResult result, RuntimeProcess process)
    {
        if (!result.Succeeded || new HttpResponseShape(result.Json()).StatusCode != 200)
            throw new InvalidOperationException($"Invocation failed: {result}\nOutput:\n{process.Output}");
        return result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
