using System.Diagnostics;
using Serverless.WebApp.Contract;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// The garbage collector for Lambda: server GC (what the web SDK's <c>runtimeconfig.json</c> asks for), workstation GC
/// with background collections, and workstation GC without them (what the construct deploys), each with the
/// construct's other settings, on one core and on two (the process pinned with <c>taskset</c>; Lambda gives a function
/// a share of up to two vCPUs below 3,008 MB). Per core count: cold start (fresh processes interleaved), then the three
/// warm processes side by side in alternating blocks of sequential GETs — req/s, CPU time per request and RSS.
/// </summary>
internal static class GcModeBenchmark
{
    private const int WarmUpRequests = 2_000;
    private const int Rounds = 20;
    private const int BlockRequests = 500;

    private static readonly (string Name, IReadOnlyDictionary<string, string?> Settings)[] Variants =
    [
        ("server GC (the web SDK's default)", new Dictionary<string, string?>
        {
            [SwaProcessSettings.ServerGcVariable] = "1",
            [SwaProcessSettings.ConcurrentGcVariable] = null,
        }),
        ("workstation GC, background collections", new Dictionary<string, string?>
        {
            [SwaProcessSettings.ConcurrentGcVariable] = "1",
        }),
        ("**workstation GC, non-concurrent (deployed)**", new Dictionary<string, string?>()),
    ];

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            foreach (var cores in new[] { 1, 2 })
            {
                var cold = Variants.Select(_ => new List<double>()).ToArray();
                var coldCpu = Variants.Select(_ => new List<double>()).ToArray();
                for (var v = 0; v < Variants.Length; v++) await AppLauncher.ColdStartAsync(app, AppLauncher.GetEvent, overrides: Variants[v].Settings, cores: cores);
                for (var run = 0; run < options.Runs; run++)
                {
                    for (var v = 0; v < Variants.Length; v++)
                    {
                        var (_, response, cpu) = await AppLauncher.ColdStartAsync(app, AppLauncher.GetEvent, overrides: Variants[v].Settings, cores: cores);
                        cold[v].Add(response);
                        coldCpu[v].Add(cpu);
                    }
                }

                var hosts = new List<WarmHost>();
                try
                {
                    foreach (var (_, settings) in Variants) hosts.Add(await WarmHost.StartAsync(app, settings, cores));
                    var rates = Variants.Select(_ => new List<double>()).ToArray();
                    var cpu = Variants.Select(_ => 0.0).ToArray();
                    for (var round = 0; round < Rounds; round++)
                    {
                        for (var v = 0; v < hosts.Count; v++)
                        {
                            var cpuBefore = hosts[v].CpuSeconds();
                            var start = Stopwatch.GetTimestamp();
                            for (var i = 0; i < BlockRequests; i++) await hosts[v].RequestAsync();
                            rates[v].Add(BlockRequests / Stopwatch.GetElapsedTime(start).TotalSeconds);
                            cpu[v] += hosts[v].CpuSeconds() - cpuBefore;
                        }
                    }

                    report.WriteLine($"## GC mode: {mode}, {cores} core{(cores == 1 ? "" : "s")} (cold start: {options.Runs} fresh processes per row, interleaved; " +
                                     $"warm: {Rounds} alternating blocks of {BlockRequests} GETs per process after {WarmUpRequests:N0})");
                    report.WriteLine();
                    report.WriteLine("| GC | cold start median ms | CPU ms to first response | warm req/s (median of blocks) | **req/s vs deployed** | CPU µs per request | RSS after 100 MB | RSS at end MB |");
                    report.WriteLine("|---|---|---|---|---|---|---|---|");
                    var deployedRate = Stats.Of(rates[^1]).Median;
                    for (var v = 0; v < Variants.Length; v++)
                    {
                        var coldStats = Stats.Of(cold[v]);
                        var rate = Stats.Of(rates[v]).Median;
                        report.WriteLine($"| {Variants[v].Name} | {coldStats.Median:F1} | {Stats.Of(coldCpu[v]).Median:F1} | {rate:N0} | **{rate / deployedRate:F2}** | " +
                                         $"{cpu[v] * 1e6 / (Rounds * BlockRequests):F0} | {hosts[v].ResidentAfter100 / 1048576.0:F1} | {hosts[v].Process.ResidentBytes() / 1048576.0:F1} |");
                    }
                    report.WriteLine();
                    report.Flush();
                }
                finally
                {
                    foreach (var host in hosts) await host.DisposeAsync();
                }
            }
        }
    }

    private sealed class WarmHost(LambdaRuntimeApiEmulator emulator, RuntimeProcess process) : IAsyncDisposable
    {
        public RuntimeProcess Process => process;

        public long ResidentAfter100 { get; private set; }

        public static async Task<WarmHost> StartAsync(PublishedApp app, IReadOnlyDictionary<string, string?> settings, int cores)
        {
            var emulator = await LambdaRuntimeApiEmulator.StartAsync();
            var host = new WarmHost(emulator, AppLauncher.StartLambda(app, emulator, ProcessSettings.Deployed, settings, cores));
            for (var i = 1; i <= WarmUpRequests; i++)
            {
                await host.RequestAsync();
                if (i == 100) host.ResidentAfter100 = host.Process.ResidentBytes();
            }
            return host;
        }

        public async Task RequestAsync() =>
            AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);

        /// <summary>User + system CPU time of the process so far, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
        public double CpuSeconds()
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5), counted from after the command name)
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }
}
