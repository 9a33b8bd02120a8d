using System.Diagnostics;
using System.Globalization;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// The Runtime API client and the emulator's HTTP server, side by side: the sample built with the socket client
/// (<c>-p:ServerlessWebAppBenchRuntimeClient=Socket</c>) and with the HttpClient one, each against the raw-socket
/// emulator and the Kestrel one; in each publish mode, framework-dependent as the construct publishes it (the app's
/// own assemblies ReadyToRun-compiled). Cold start: fresh emulator and process per run, the
/// variants interleaved run by run (the first variant of a round rotates); wall time from exec to the first response
/// arriving, and the CPU time the process had used by then (its threads' <c>schedstat</c>), which a busy machine
/// moves much less. Warm: one fresh process per variant per round, warmed up, then measured in interleaved blocks;
/// CPU time is the app process's own (user + system from <c>/proc/&lt;pid&gt;/stat</c>), so it does not count the
/// emulator's work.
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

    private sealed record ColdStart(double Poll, double Response, double CpuMs);

    /// <summary>What the framework-dependent sample gets on top of its mode to ReadyToRun-compile its own assemblies.</summary>
    private static readonly string[] AppReadyToRun = ["PublishReadyToRun=true", "PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3"];

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Runtime API client and emulator ({options.Runs} cold starts per variant and mode, interleaved; warm: " +
                         $"{WarmRounds} rounds of fresh processes × {BlocksPerRound} interleaved blocks of {BlockRequests:N0} invocations; " +
                         $"process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| build | variant | cold: start → first /next (median ms) | cold: start → first response (median ms) | p90 | " +
                         "vs socket client: ratio of medians (median of paired ratios) | cold: CPU ms to first response (median) | vs socket client | " +
                         "warm: app CPU µs per invocation, median of blocks (min–max) | vs socket client: ratio of medians (median of paired ratios) | " +
                         "warm: loop latency (median µs) | in function (median µs) |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            // Framework-dependent as the construct publishes it by default: the app's own assemblies ReadyToRun.
            var builds = new List<(string Name, string[] Properties)>
            {
                mode == PublishMode.FrameworkDependent ? ("FrameworkDependent, app ReadyToRun", AppReadyToRun) : (mode.ToString(), []),
            };
            foreach (var (build, properties) in builds)
            {
                var suffix = properties.Length == 0 ? "" : "app-r2r-";
                var http = properties.Length == 0
                    ? await SamplePublisher.PublishAsync(mode)
                    : await SamplePublisher.PublishVariantAsync(mode, suffix.TrimEnd('-'), properties);
                var socket = await SamplePublisher.PublishVariantAsync(mode, suffix + "socket-client", [.. properties, "ServerlessWebAppBenchRuntimeClient=Socket"]);
                Variant[] variants =
                [
                    new("socket client, socket emulator", socket, RuntimeApiServer.Socket),
                    new("HttpClient, socket emulator", http, RuntimeApiServer.Socket),
                    new("HttpClient, Kestrel emulator", http, RuntimeApiServer.Kestrel),
                    new("socket client, Kestrel emulator", socket, RuntimeApiServer.Kestrel),
                ];
                var cold = await ColdStartsAsync(build, variants, options);
                var warm = await WarmAsync(build, variants, options);
                for (var i = 0; i < variants.Length; i++)
                {
                    var (poll, response, cpu) = (Stats.Of(cold[i].Select(c => c.Poll).ToList()), Stats.Of(cold[i].Select(c => c.Response).ToList()),
                        Stats.Of(cold[i].Select(c => c.CpuMs).ToList()));
                    var pairedCold = Stats.Of(cold[i].Zip(cold[0], (v, b) => v.Response / b.Response).ToList()).Median;
                    var pairedColdCpu = Stats.Of(cold[i].Zip(cold[0], (v, b) => v.CpuMs / b.CpuMs).ToList()).Median;
                    var (warmCpu, latency, inFunction) = (Stats.Of(warm[i].Cpu), Stats.Of(warm[i].Latency), Stats.Of(warm[i].InFunction));
                    var pairedWarmCpu = Stats.Of(warm[i].Cpu.Zip(warm[0].Cpu, (v, b) => v / b).ToList()).Median;
                    var responseBaseline = Stats.Of(cold[0].Select(c => c.Response).ToList()).Median;
                    var warmCpuBaseline = Stats.Of(warm[0].Cpu).Median;
                    report.WriteLine($"| {build} | {variants[i].Name} | {poll.Median:F1} | **{response.Median:F1}** | {response.P90:F1} | " +
                                     $"**{response.Median / responseBaseline:F3}** ({pairedCold:F3}) | {cpu.Median:F1} | {pairedColdCpu:F3} | " +
                                     $"**{warmCpu.Median:F1}** ({warmCpu.Min:F1}–{warmCpu.Max:F1}) | " +
                                     $"**{warmCpu.Median / warmCpuBaseline:F3}** ({pairedWarmCpu:F3}) | {latency.Median:F0} | {inFunction.Median:F0} |");
                }
                report.Flush();
            }
        }

        report.WriteLine();
    }

    private static async Task<List<ColdStart>[]> ColdStartsAsync(string build, Variant[] variants, BenchmarkOptions options)
    {
        var runs = variants.Select(_ => new List<ColdStart>()).ToArray();
        // One untimed run per variant warms the OS file cache, as Lambda's own image cache is warm.
        foreach (var variant in variants) await ColdStartAsync(variant, options.ProcessSettings);
        for (var round = 0; round < options.Runs; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var i = (round + k) % variants.Length;
                runs[i].Add(await ColdStartAsync(variants[i], options.ProcessSettings));
            }
            Console.Error.Write($"\r{build}: cold start round {round + 1}/{options.Runs}  ");
        }
        Console.Error.WriteLine();
        return runs;
    }

    private static async Task<ColdStart> ColdStartAsync(Variant variant, ProcessSettings settings)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { Server = variant.Server });
        var first = emulator.Enqueue(AppLauncher.GetEvent, out _);
        await using var process = AppLauncher.StartLambda(variant.App, emulator, settings);
        var result = AppLauncher.EnsureOk(await first.WaitAsync(AppLauncher.Timeout), process);
        var cpu = CpuNanoseconds(process) / 1e6;
        return new ColdStart(Stopwatch.GetElapsedTime(process.StartTimestamp, emulator.FirstPollTimestamp).TotalMilliseconds,
            Stopwatch.GetElapsedTime(process.StartTimestamp, result.CompletedTimestamp).TotalMilliseconds, cpu);
    }

    private sealed record WarmSample(List<double> Cpu, List<double> Latency, List<double> InFunction);

    private static async Task<WarmSample[]> WarmAsync(string build, Variant[] variants, BenchmarkOptions options)
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
                Console.Error.WriteLine($"{build}: warm round {round + 1}/{WarmRounds}");
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

    /// <summary>CPU time of the process's threads so far, in nanoseconds (the first field of each thread's <c>schedstat</c>).</summary>
    private static long CpuNanoseconds(RuntimeProcess process)
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{process.Id}/task"))
        {
            try
            {
                var schedstat = File.ReadAllText(Path.Combine(task, "schedstat"));
                total += long.Parse(schedstat.AsSpan(0, schedstat.IndexOf(' ')), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }
        return total;
    }

    /// <summary>User + system time of the whole process (all its threads, living and exited), in clock ticks.</summary>
    private static long CpuTicks(RuntimeProcess process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // after "pid (comm) ": field 3 (state) is index 0, so utime (14) and stime (15) are indexes 11 and 12
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
