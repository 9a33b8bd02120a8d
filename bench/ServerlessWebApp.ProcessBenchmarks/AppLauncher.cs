using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Serverless.WebApp.Contract;
using Serverless.WebApp.TestSupport;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// Starts a published app either against a Runtime API emulator or on Kestrel. The Lambda process gets exactly what the
/// construct deploys for its publish mode (<see cref="LambdaEnvironment"/>); the Kestrel process the same .NET runtime
/// settings (garbage collector, JIT) and otherwise the host's defaults, as the app runs outside Lambda.
/// </summary>
internal static class AppLauncher
{
    public const string Path = "/compute-dna/";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public static readonly string GetEvent = SampleEvents.HttpApiV2("GET", Path);

    /// <summary>The headers of <see cref="GetEvent"/>, for sending the same request to Kestrel.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> GetEventHeaders() =>
        JsonNode.Parse(GetEvent)!["headers"]!.AsObject().Select(h => KeyValuePair.Create(h.Key, h.Value!.GetValue<string>())).ToList();

    /// <summary>
    /// Starts the app against <paramref name="emulator"/>; <paramref name="overrides"/> go on top of the deployed
    /// settings (a null value removes a variable); <paramref name="cores"/> pins the process to that many CPUs.
    /// </summary>
    public static RuntimeProcess StartLambda(
        PublishedApp app, LambdaRuntimeApiEmulator emulator, ProcessSettings settings,
        IReadOnlyDictionary<string, string?>? overrides = null, int? cores = null)
    {
        var environment = LambdaEnvironment.For(emulator, app);
        environment["Logging__LogLevel__Default"] = "Warning";
        if (settings == ProcessSettings.RuntimeDefaults) RemoveProcessSettings(environment);
        Apply(environment, overrides);
        return RuntimeProcess.Start(Pinned(app.StartInfo(environment), cores));
    }

    public static RuntimeProcess StartKestrel(PublishedApp app, ProcessSettings settings, out Uri baseAddress)
    {
        baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
        };
        if (settings == ProcessSettings.Deployed) Apply(environment, DeployedProcessSettings.RuntimeFor(app.Mode).ToDictionary(v => v.Key, v => (string?)v.Value));
        return RuntimeProcess.Start(app.StartInfo(environment));
    }

    /// <summary>The deployed settings before the publish-mode and GC choices: server GC (the web SDK's default) and configuration watchers on.</summary>
    public static IReadOnlyDictionary<string, string?> SettingsBefore { get; } = new Dictionary<string, string?>
    {
        [SwaProcessSettings.ServerGcVariable] = null,
        [SwaProcessSettings.ConcurrentGcVariable] = null,
        [SwaProcessSettings.ReloadConfigOnChangeVariable] = null,
    };

    private static void RemoveProcessSettings(Dictionary<string, string?> environment)
    {
        foreach (var (name, _) in SwaProcessSettings.Variables(nativeAot: false).Concat(SwaProcessSettings.Variables(nativeAot: true))) environment.Remove(name);
    }

    private static void Apply(Dictionary<string, string?> environment, IReadOnlyDictionary<string, string?>? overrides)
    {
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null) environment.Remove(name);
            else environment[name] = value;
        }
    }

    /// <summary><c>taskset</c> replaces itself with the app (same process id), restricted to the first <paramref name="cores"/> CPUs.</summary>
    private static ProcessStartInfo Pinned(ProcessStartInfo info, int? cores)
    {
        if (cores is null) return info;
        var pinned = new ProcessStartInfo("taskset")
        {
            WorkingDirectory = info.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = info.RedirectStandardOutput,
            RedirectStandardError = info.RedirectStandardError,
        };
        pinned.ArgumentList.Add("-c");
        pinned.ArgumentList.Add(cores == 1 ? "0" : $"0-{cores - 1}");
        pinned.ArgumentList.Add(info.FileName);
        foreach (var argument in info.ArgumentList) pinned.ArgumentList.Add(argument);
        pinned.Environment.Clear();
        foreach (var (name, value) in info.Environment) pinned.Environment[name] = value;
        return pinned;
    }

    public static HttpClient KestrelClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(1),
        PooledConnectionLifetime = Timeout.Add(Timeout),
        UseProxy = false,
    }) { BaseAddress = baseAddress };

    /// <summary>Retries the GET until the app answers 200; returns the time from process start to that answer.</summary>
    public static async Task<TimeSpan> WaitForFirstKestrelResponseAsync(RuntimeProcess process, HttpClient client) =>
        (await FirstKestrelResponseAsync(process, client)).Elapsed;

    /// <summary>Retries the GET until the app answers 200: the time from process start to that answer and the process's CPU time then.</summary>
    public static async Task<(TimeSpan Elapsed, TimeSpan Cpu)> FirstKestrelResponseAsync(RuntimeProcess process, HttpClient client)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await client.GetAsync(Path);
                var answered = Stopwatch.GetTimestamp();
                if (response.StatusCode == HttpStatusCode.OK) return (Stopwatch.GetElapsedTime(process.StartTimestamp, answered), process.CpuTime());
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

    /// <summary>
    /// One fresh process against a fresh emulator, the event queued before the start: start → first /next, start →
    /// first response and the process's CPU time when the response arrived, in ms.
    /// </summary>
    public static async Task<(double Poll, double Response, double Cpu)> ColdStartAsync(
        PublishedApp app, string lambdaEvent, ProcessSettings settings = ProcessSettings.Deployed,
        IReadOnlyDictionary<string, string?>? overrides = null, int? cores = null)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var first = emulator.Enqueue(lambdaEvent, out _);
        await using var process = StartLambda(app, emulator, settings, overrides, cores);
        var result = EnsureOk(await first.WaitAsync(Timeout), process);
        var cpu = process.CpuTime().TotalMilliseconds;
        return (Stopwatch.GetElapsedTime(process.StartTimestamp, emulator.FirstPollTimestamp).TotalMilliseconds,
                Stopwatch.GetElapsedTime(process.StartTimestamp, result.CompletedTimestamp).TotalMilliseconds, cpu);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
