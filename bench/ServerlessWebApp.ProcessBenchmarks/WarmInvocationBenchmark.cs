using System.Diagnostics;
using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.ProcessBenchmarks;

/// <summary>
/// Issue 7, benchmark 2: sequential small GETs through the full Lambda loop (emulator round trip included) against the
/// same GET to the same published app on Kestrel over loopback HTTP/1.1 keep-alive, in the same run. One request at a
/// time on both sides, because one Lambda execution environment serves one invocation at a time.
/// </summary>
internal static class WarmInvocationBenchmark
{
    private const int WarmUp = 1_000;

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Warm invocation ({options.Invocations:N0} sequential GETs after {WarmUp:N0} warm-up, per mode; process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| mode | Lambda loop req/s | median µs | p90 µs | of which in function (median µs) | Kestrel req/s | median µs | p90 µs | Lambda/Kestrel req/s |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            var (lambdaRate, lambda, inFunction) = await LambdaAsync(app, options.Invocations, options.ProcessSettings);
            var (kestrelRate, kestrel) = await KestrelAsync(app, options.Invocations, options.ProcessSettings);
            report.WriteLine($"| {mode} | **{lambdaRate:N0}** | {lambda.Median:F0} | {lambda.P90:F0} | {inFunction.Median:F0} | **{kestrelRate:N0}** | {kestrel.Median:F0} | {kestrel.P90:F0} | {lambdaRate / kestrelRate:F2} |");
            report.Flush();
        }
        report.WriteLine();
    }

    private static async Task<(double Rate, Stats Latency, Stats InFunction)> LambdaAsync(PublishedApp app, int invocations, ProcessSettings settings)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        await using var process = AppLauncher.StartLambda(app, emulator, settings);
        for (var i = 0; i < WarmUp; i++) AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);

        var latencies = new double[invocations];
        var inFunction = new double[invocations];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < invocations; i++)
        {
            var result = AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);
            latencies[i] = result.Latency.TotalMicroseconds;
            inFunction[i] = result.Duration.TotalMicroseconds;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return (invocations / elapsed.TotalSeconds, Stats.Of(latencies), Stats.Of(inFunction));
    }

    private static async Task<(double Rate, Stats Latency)> KestrelAsync(PublishedApp app, int requests, ProcessSettings settings)
    {
        await using var process = AppLauncher.StartKestrel(app, settings, out var baseAddress);
        using var client = AppLauncher.KestrelClient(baseAddress);
        await AppLauncher.WaitForFirstKestrelResponseAsync(process, client);
        for (var i = 0; i < WarmUp; i++) await GetAsync(client);

        var latencies = new double[requests];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await GetAsync(client);
            latencies[i] = Stopwatch.GetElapsedTime(before).TotalMicroseconds;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return (requests / elapsed.TotalSeconds, Stats.Of(latencies));
    }

    private static async Task GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(AppLauncher.Path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }
}
