using System.Diagnostics;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// Sequential small GETs through the full Lambda loop (emulator round trip included) against the
/// same GET to the same published app on Kestrel over loopback HTTP/1.1 keep-alive, in the same run. One request at a
/// time on both sides, because one Lambda execution environment serves one invocation at a time. "The same GET" means
/// the same request as the app sees it: the Kestrel request carries the event's eight headers (Host, Accept,
/// User-Agent, X-Forwarded-*, X-Amzn-Trace-Id, Content-Length), which API Gateway passes on and which the app behind a
/// load balancer would receive too. A last row keeps the bare GET (HttpClient sends Host only) for comparison.
/// </summary>
/// <remarks>
/// Both processes run side by side for the whole measurement. Each is warmed up until it reaches steady state (at least
/// <see cref="WarmUpRequests"/> requests and <see cref="WarmUpTime"/>, so tiered JIT compilation has promoted the hot
/// path in every mode), then the measured requests are taken in alternating blocks — Lambda, Kestrel, Lambda, … — so a
/// slow phase of this shared machine hits both sides alike instead of one of them. Two schedules run one after the
/// other: <see cref="ShortRounds"/> short blocks (<c>--invocations</c> shared out, 500 requests or ~25 ms each by
/// default), where every block starts with the host just woken from idle, and <see cref="LongRounds"/> long blocks of
/// <see cref="LongBlock"/> each, where that start is a small part of the block. Short blocks are many so that a row's
/// ratio rests on many block pairs (one pair's ratio spans 0.4–1.5 here). Each row also gives the spread of the
/// Lambda/Kestrel ratio over the block pairs. A third row runs the short blocks against an emulator that blocks in its
/// socket read at once (<see cref="RuntimeApiEmulatorOptions.SpinBeforeWait"/> zero), which is how much of the Lambda
/// loop that spin saves; a fourth against Kestrel's bare GET.
/// </remarks>
internal static class WarmInvocationBenchmark
{
    private const int WarmUpRequests = 1_000;
    private const int ShortRounds = 40;
    private const int LongRounds = 10;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LongBlock = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        var shortBlock = Math.Max(1, options.Invocations / ShortRounds);
        report.WriteLine($"## Warm invocation (sequential GETs in alternating blocks per host, after ≥ {WarmUpRequests:N0} requests " +
                         $"and ≥ {WarmUpTime.TotalSeconds:0} s of warm-up; {ShortRounds} short blocks of {shortBlock:N0} requests, {LongRounds} long " +
                         $"blocks of {LongBlock.TotalSeconds:0} s; process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| mode | blocks | Lambda loop req/s | median µs | p90 µs | of which in function (median µs) | Kestrel req/s | median µs | p90 µs | " +
                         "**Lambda/Kestrel req/s** | per block pair: median (min–max) |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            await using var lambda = await LambdaHost.StartAsync(app, options.ProcessSettings, new RuntimeApiEmulatorOptions());
            await using var parked = await LambdaHost.StartAsync(app, options.ProcessSettings, new RuntimeApiEmulatorOptions { SpinBeforeWait = TimeSpan.Zero });
            await using var kestrel = await KestrelHost.StartAsync(app, options.ProcessSettings);
            await WarmUpAsync(lambda.RequestAsync);
            await WarmUpAsync(parked.RequestAsync);
            await WarmUpAsync(kestrel.RequestAsync);

            var shortBlocks = new Block(shortBlock, TimeSpan.Zero, ShortRounds);
            var rows = new List<(string, LambdaHost, Func<Task>, Block)>
            {
                ($"short: {ShortRounds} × {shortBlock:N0} req", lambda, kestrel.RequestAsync, shortBlocks),
                ($"long: {LongRounds} × {LongBlock.TotalSeconds:0} s", lambda, kestrel.RequestAsync, new Block(int.MaxValue, LongBlock, LongRounds)),
                ($"short, emulator without spin: {ShortRounds} × {shortBlock:N0} req", parked, kestrel.RequestAsync, shortBlocks),
                ($"short, Kestrel GET with Host only: {ShortRounds} × {shortBlock:N0} req", lambda, kestrel.BareRequestAsync, shortBlocks),
            };
            foreach (var (name, host, kestrelRequest, block) in rows)
            {
                host.InFunction.Clear();
                var (lambdaRun, kestrelRun) = (new Measurement(), new Measurement());
                for (var round = 0; round < block.Rounds; round++)
                {
                    await lambdaRun.TakeAsync(host.RequestAsync, block);
                    await kestrelRun.TakeAsync(kestrelRequest, block);
                }

                var (lambdaLatency, kestrelLatency, inFunction) = (lambdaRun.Latency(), kestrelRun.Latency(), Stats.Of(host.InFunction));
                var pairs = Stats.Of(lambdaRun.BlockRates.Zip(kestrelRun.BlockRates, (l, k) => l / k).ToArray());
                report.WriteLine($"| {mode} | {name} | {lambdaRun.Rate:N0} | {lambdaLatency.Median:F0} | {lambdaLatency.P90:F0} | {inFunction.Median:F0} | " +
                                 $"{kestrelRun.Rate:N0} | {kestrelLatency.Median:F0} | {kestrelLatency.P90:F0} | **{lambdaRun.Rate / kestrelRun.Rate:F2}** | " +
                                 $"{pairs.Median:F2} ({pairs.Min:F2}–{pairs.Max:F2}) |");
                report.Flush();
            }
        }
        report.WriteLine();
    }

    private static async Task WarmUpAsync(Func<Task> request)
    {
        var until = Stopwatch.GetTimestamp() + (long)(WarmUpTime.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < WarmUpRequests || Stopwatch.GetTimestamp() < until; i++) await request();
    }

    /// <summary>
    /// A block ends after <paramref name="Requests"/> requests or, when <paramref name="Duration"/> is set, after that
    /// long; each host gets <paramref name="Rounds"/> of them.
    /// </summary>
    private sealed record Block(int Requests, TimeSpan Duration, int Rounds);

    /// <summary>Latency of every measured request, the time spent in the measured blocks only, and each block's rate.</summary>
    private sealed class Measurement
    {
        private readonly List<double> _latencies = [];
        private long _elapsedTicks;

        public List<double> BlockRates { get; } = [];

        public double Rate => _latencies.Count / ((double)_elapsedTicks / Stopwatch.Frequency);

        public Stats Latency() => Stats.Of(_latencies);

        public async Task TakeAsync(Func<Task> request, Block block)
        {
            var start = Stopwatch.GetTimestamp();
            var end = block.Duration > TimeSpan.Zero ? start + (long)(block.Duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
            var count = 0;
            long now;
            do
            {
                var before = Stopwatch.GetTimestamp();
                await request();
                now = Stopwatch.GetTimestamp();
                _latencies.Add(Stopwatch.GetElapsedTime(before, now).TotalMicroseconds);
            }
            while (++count < block.Requests && now < end);
            _elapsedTicks += now - start;
            BlockRates.Add(count / ((double)(now - start) / Stopwatch.Frequency));
        }
    }

    /// <summary>The app behind the Runtime API emulator; records each invocation's time inside the function.</summary>
    private sealed class LambdaHost(LambdaRuntimeApiEmulator emulator, RuntimeProcess process) : IAsyncDisposable
    {
        public List<double> InFunction { get; } = [];

        public static async Task<LambdaHost> StartAsync(
            PublishedApp app, ProcessSettings settings, RuntimeApiEmulatorOptions emulatorOptions)
        {
            var emulator = await LambdaRuntimeApiEmulator.StartAsync(emulatorOptions);
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
        private static readonly IReadOnlyList<KeyValuePair<string, string>> EventHeaders = AppLauncher.GetEventHeaders();

        public static async Task<KestrelHost> StartAsync(PublishedApp app, ProcessSettings settings)
        {
            var process = AppLauncher.StartKestrel(app, settings, out var baseAddress);
            var client = AppLauncher.KestrelClient(baseAddress);
            await AppLauncher.WaitForFirstKestrelResponseAsync(process, client);
            return new KestrelHost(process, client);
        }

        /// <summary>The GET with the headers the Lambda event carries.</summary>
        public async Task RequestAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, AppLauncher.Path) { Content = new ByteArrayContent([]) };
            foreach (var (name, value) in EventHeaders)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            await SendAsync(request);
        }

        /// <summary>The GET as HttpClient sends it by default: Host only.</summary>
        public Task BareRequestAsync() => SendAsync(new HttpRequestMessage(HttpMethod.Get, AppLauncher.Path));

        private async Task SendAsync(HttpRequestMessage request)
        {
            using var response = await client.SendAsync(request);
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
