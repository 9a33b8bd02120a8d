using System.Diagnostics;
using System.Globalization;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// The Runtime API client and the emulator's HTTP server, side by side: the sample built with the socket client
/// (<c>-p:ServerlessWebAppBenchRuntimeClient=Socket</c>) and with the HttpClient one, each against the raw-socket
/// emulator, and the HttpClient build against the Kestrel emulator. Cold start: fresh emulator and process per run,
/// the variants interleaved run by run (the first variant of a round rotates). Warm: one fresh process per variant
/// per round, warmed up, then measured in interleaved blocks; CPU time is the app process's own (user + system from
/// <c>/proc/&lt;pid&gt;/stat</c>), so it does not count the emulator's work.
/// </summary>
internal static class RuntimeClientBenchmark
{
    private const int WarmUpRequests = 1_000;
    private const int WarmRounds = 3;
    private const int BlocksPerRound = 6;
    private const int BlockRequests = 5_000;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);
    private static readonly double TickMicroseconds = 1_000_000.0 / 100; // USER_HZ

    private sealed record Variant(string Name, PublishedApp App, RuntimeApiServer Server);

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Runtime API client and emulator ({options.Runs} cold starts per variant and mode, interleaved; warm: " +
                         $"{WarmRounds} rounds of fresh processes × {BlocksPerRound} interleaved blocks of {BlockRequests:N0} invocations; " +
                         $"process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| mode | variant | cold: start → first /next (median ms) | cold: start → first response (median ms) | p90 | " +
                         "vs socket client: ratio of medians (median of paired ratios) | warm: app CPU µs per invocation, median of blocks (min–max) | " +
                         "vs socket client: ratio of medians (median of paired ratios) | warm: loop latency (median µs) | in function (median µs) |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var http = await SamplePublisher.PublishAsync(mode);
            var socket = await SamplePublisher.PublishVariantAsync(mode, "socket-client", ["ServerlessWebAppBenchRuntimeClient=Socket"]);
            Variant[] variants =
            [
                new("socket client, socket emulator", socket, RuntimeApiServer.Socket),
                new("HttpClient, socket emulator", http, RuntimeApiServer.Socket),
                new("HttpClient, Kestrel emulator", http, RuntimeApiServer.Kestrel),
            ];
            var cold = await ColdStartsAsync(variants, options);
            var warm = await WarmAsync(variants, options);
            for (var i = 0; i < variants.Length; i++)
            {
                var (poll, response) = (Stats.Of(cold[i].Select(c => c.Poll).ToList()), Stats.Of(cold[i].Select(c => c.Response).ToList()));
                var baseline = Stats.Of(cold[0].Select(c => c.Response).ToList()).Median;
                var (cpu, latency, inFunction) = (Stats.Of(warm[i].Cpu), Stats.Of(warm[i].Latency), Stats.Of(warm[i].InFunction));
                var cpuBaseline = Stats.Of(warm[0].Cpu).Median;
                var pairedCold = Stats.Of(cold[i].Zip(cold[0], (v, s) => v.Response / s.Response).ToList()).Median;
                var pairedCpu = Stats.Of(warm[i].Cpu.Zip(warm[0].Cpu, (v, s) => v / s).ToList()).Median;
                report.WriteLine($"| {mode} | {variants[i].Name} | {poll.Median:F1} | **{response.Median:F1}** | {response.P90:F1} | " +
                                 $"**{response.Median / baseline:F3}** ({pairedCold:F3}) | **{cpu.Median:F1}** ({cpu.Min:F1}–{cpu.Max:F1}) | " +
                                 $"**{cpu.Median / cpuBaseline:F3}** ({pairedCpu:F3}) | {latency.Median:F0} | {inFunction.Median:F0} |");
            }
            report.Flush();
        }

        report.WriteLine();
    }

    private static async Task<List<(double Poll, double Response)>[]> ColdStartsAsync(Variant[] variants, BenchmarkOptions options)
    {
        var runs = variants.Select(_ => new List<(double, double)>()).ToArray();
        // One untimed run per variant warms the OS file cache, as Lambda's own image cache is warm.
        foreach (var variant in variants) await ColdStartAsync(variant, options.ProcessSettings);
        for (var round = 0; round < options.Runs; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var i = (round + k) % variants.Length;
                runs[i].Add(await ColdStartAsync(variants[i], options.ProcessSettings));
            }
            Console.Error.Write($"\r{variants[0].App.Mode}: cold start round {round + 1}/{options.Runs}  ");
        }
        Console.Error.WriteLine();
        return runs;
    }

    private static async Task<(double Poll, double Response)> ColdStartAsync(Variant variant, ProcessSettings settings)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { Server = variant.Server });
        var first = emulator.Enqueue(AppLauncher.GetEvent, out _);
        await using var process = AppLauncher.StartLambda(variant.App, emulator, settings);
        var result = AppLauncher.EnsureOk(await first.WaitAsync(AppLauncher.Timeout), process);
        return (Stopwatch.GetElapsedTime(process.StartTimestamp, emulator.FirstPollTimestamp).TotalMilliseconds,
                Stopwatch.GetElapsedTime(process.StartTimestamp, result.CompletedTimestamp).TotalMilliseconds);
    }

    private sealed record WarmSample(List<double> Cpu, List<double> Latency, List<double> InFunction);

    private static async Task<WarmSample[]> WarmAsync(Variant[] variants, BenchmarkOptions options)
    {
        var samples = variants.Select(_ => new WarmSample([], [], [])).ToArray();
        for (var round = 0; round < WarmRounds; round++)
        {
            var hosts = new List<(LambdaRuntimeApiEmulator Emulator, RuntimeProcess Process)>();
            try
            {
                foreach (var variant in variants)
                {
                    var emulator = await LambdaRuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { Server = variant.Server });
                    hosts.Add((emulator, AppLauncher.StartLambda(variant.App, emulator, options.ProcessSettings)));
                }
                foreach (var (emulator, process) in hosts)
                {
                    var until = Stopwatch.GetTimestamp() + (long)(WarmUpTime.TotalSeconds * Stopwatch.Frequency);
                    for (var n = 0; n < WarmUpRequests || Stopwatch.GetTimestamp() < until; n++) await InvokeAsync(emulator, process);
                }
                for (var block = 0; block < BlocksPerRound; block++)
                {
                    for (var k = 0; k < hosts.Count; k++)
                    {
                        var i = (block + round + k) % hosts.Count;
                        var (emulator, process) = hosts[i];
                        var cpuBefore = CpuTicks(process);
                        var latencies = new List<double>(BlockRequests);
                        for (var n = 0; n < BlockRequests; n++)
                        {
                            var result = await InvokeAsync(emulator, process);
                            latencies.Add(result.Latency.TotalMicroseconds);
                            samples[i].InFunction.Add(result.Duration.TotalMicroseconds);
                        }
                        samples[i].Cpu.Add((CpuTicks(process) - cpuBefore) * TickMicroseconds / BlockRequests);
                        samples[i].Latency.AddRange(latencies);
                    }
                }
                Console.Error.WriteLine($"{variants[0].App.Mode}: warm round {round + 1}/{WarmRounds}");
            }
            finally
            {
                foreach (var (emulator, process) in hosts)
                {
                    await process.DisposeAsync();
                    await emulator.DisposeAsync();
                }
            }
        }
        return samples;
    }

    private static async Task<InvocationResult> InvokeAsync(LambdaRuntimeApiEmulator emulator, RuntimeProcess process) =>
        AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);

    /// <summary>User + system time of the whole process (all its threads, living and exited), in clock ticks.</summary>
    private static long CpuTicks(RuntimeProcess process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // after "pid (comm) ": field 3 (state) is index 0, so utime (14) and stime (15) are indexes 11 and 12
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
