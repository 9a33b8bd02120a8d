using System.Diagnostics;
using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.ProcessBenchmarks;

/// <summary>
/// Issue 7, benchmark 2: sequential small GETs through the full Lambda loop (emulator round trip included) against the
/// same GET to the same published app on Kestrel over loopback HTTP/1.1 keep-alive, in the same run. One request at a
/// time on both sides, because one Lambda execution environment serves one invocation at a time.
/// </summary>
/// <remarks>
/// Both processes run side by side for the whole measurement. Each is warmed up until it reaches steady state (at least
/// <see cref="WarmUpRequests"/> requests and <see cref="WarmUpTime"/>, so tiered JIT compilation has promoted the hot
/// path in every mode), then the measured requests are taken in <see cref="Rounds"/> alternating blocks — Lambda,
/// Kestrel, Lambda, … — so a slow phase of this shared machine hits both sides alike instead of one of them.
/// </remarks>
internal static class WarmInvocationBenchmark
{
    private const int WarmUpRequests = 1_000;
    private const int Rounds = 10;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Warm invocation ({options.Invocations:N0} sequential GETs per host in {Rounds} alternating blocks, " +
                         $"after ≥ {WarmUpRequests:N0} requests and ≥ {WarmUpTime.TotalSeconds:0} s of warm-up; process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| mode | Lambda loop req/s | median µs | p90 µs | of which in function (median µs) | Kestrel req/s | median µs | p90 µs | Lambda/Kestrel req/s |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            await using var lambda = await LambdaHost.StartAsync(app, options.ProcessSettings);
            await using var kestrel = await KestrelHost.StartAsync(app, options.ProcessSettings);
            await WarmUpAsync(lambda.RequestAsync);
            await WarmUpAsync(kestrel.RequestAsync);
            lambda.InFunction.Clear();

            var block = Math.Max(1, options.Invocations / Rounds);
            var lambdaRun = new Measurement(block * Rounds);
            var kestrelRun = new Measurement(block * Rounds);
            for (var round = 0; round < Rounds; round++)
            {
                await lambdaRun.TakeAsync(lambda.RequestAsync, block);
                await kestrelRun.TakeAsync(kestrel.RequestAsync, block);
            }

            var (lambdaLatency, kestrelLatency, inFunction) = (lambdaRun.Latency(), kestrelRun.Latency(), Stats.Of(lambda.InFunction));
            report.WriteLine($"| {mode} | **{lambdaRun.Rate:N0}** | {lambdaLatency.Median:F0} | {lambdaLatency.P90:F0} | {inFunction.Median:F0} | " +
                             $"**{kestrelRun.Rate:N0}** | {kestrelLatency.Median:F0} | {kestrelLatency.P90:F0} | {lambdaRun.Rate / kestrelRun.Rate:F2} |");
            report.Flush();
        }
        report.WriteLine();
    }

    private static async Task WarmUpAsync(Func<Task> request)
    {
        var until = Stopwatch.GetTimestamp() + (long)(WarmUpTime.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < WarmUpRequests || Stopwatch.GetTimestamp() < until; i++) await request();
    }

    /// <summary>Latency of every measured request and the time spent in the measured blocks only.</summary>
    private sealed class Measurement(int capacity)
    {
        private readonly List<double> _latencies = new(capacity);
        private long _elapsedTicks;

        public double Rate => _latencies.Count / ((double)_elapsedTicks / Stopwatch.Frequency);

        public Stats Latency() => Stats.Of(_latencies);

        public async Task TakeAsync(Func<Task> request, int count)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var before = Stopwatch.GetTimestamp();
                await request();
                _latencies.Add(Stopwatch.GetElapsedTime(before).TotalMicroseconds);
            }
            _elapsedTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    /// <summary>The app behind the Runtime API emulator; records each invocation's time inside the function.</summary>
    private sealed class LambdaHost(LambdaRuntimeApiEmulator emulator, RuntimeProcess process) : IAsyncDisposable
    {
        public List<double> InFunction { get; } = [];

        public static async Task<LambdaHost> StartAsync(PublishedApp app, ProcessSettings settings)
        {
            var emulator = await LambdaRuntimeApiEmulator.StartAsync();
            return new LambdaHost(emulator, AppLauncher.StartLambda(app, emulator, settings));
        }

        public async Task RequestAsync()
        {
            var result = AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);
            InFunction.Add(result.Duration.TotalMicroseconds);
        }

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }

    /// <summary>The app on Kestrel, asked over one keep-alive loopback connection.</summary>
    private sealed class KestrelHost(RuntimeProcess process, HttpClient client) : IAsyncDisposable
    {
        public static async Task<KestrelHost> StartAsync(PublishedApp app, ProcessSettings settings)
        {
            var process = AppLauncher.StartKestrel(app, settings, out var baseAddress);
            var client = AppLauncher.KestrelClient(baseAddress);
            await AppLauncher.WaitForFirstKestrelResponseAsync(process, client);
            return new KestrelHost(process, client);
        }

        public async Task RequestAsync()
        {
            using var response = await client.GetAsync(AppLauncher.Path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await process.DisposeAsync();
        }
    }
}
