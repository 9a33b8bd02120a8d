using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// Resident memory of the Lambda process after 100 and after 10,000 warm invocations (the
/// target compares these two), with later checkpoints that tell a warm-up plateau from a leak: with the process settings
/// the construct deploys, side by side with .NET's defaults, and the same app on Kestrel (deployed settings) after as
/// many requests as the reference.
/// </summary>
internal static class MemoryBenchmark
{
    private static readonly int[] Checkpoints = [100, 1_000, 10_000, 30_000, 60_000];

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine("## Memory (RSS of the app process, MB, after N warm invocations or requests)");
        report.WriteLine();
        report.WriteLine($"| mode, host | {string.Join(" | ", Checkpoints.Select(c => c.ToString("N0")))} | 10,000 vs 100 | 60,000 vs 10,000 |");
        report.WriteLine($"|---|{string.Concat(Checkpoints.Select(_ => "---|"))}---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            Write(report, $"{mode} Lambda", await LambdaAsync(app, ProcessSettings.Deployed));
            Write(report, $"{mode} Lambda, .NET default settings", await LambdaAsync(app, ProcessSettings.RuntimeDefaults));
            Write(report, $"{mode} Kestrel (reference)", await KestrelAsync(app, ProcessSettings.Deployed));
            if (mode == PublishMode.FrameworkDependent)
            {
                // The same mode without ReadyToRun (the default before), whose hot path the JIT compiles from the start.
                var ilOnly = await SamplePublisher.PublishAsync(SamplePublisher.FoundryServiceProject, mode, null, PublishModesBenchmark.IlOnly, CancellationToken.None);
                Write(report, $"{mode} IL only Lambda", await LambdaAsync(ilOnly, ProcessSettings.Deployed));
            }
        }
        report.WriteLine();
    }

    private static async Task<Dictionary<int, long>> LambdaAsync(PublishedApp app, ProcessSettings settings)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        await using var process = AppLauncher.StartLambda(app, emulator, settings);
        var rss = new Dictionary<int, long>();
        for (var i = 1; i <= Checkpoints[^1]; i++)
        {
            AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);
            if (Checkpoints.Contains(i)) rss[i] = process.ResidentBytes();
        }
        return rss;
    }

    private static async Task<Dictionary<int, long>> KestrelAsync(PublishedApp app, ProcessSettings settings)
    {
        await using var process = AppLauncher.StartKestrel(app, settings, out var baseAddress);
        using var client = AppLauncher.KestrelClient(baseAddress);
        await AppLauncher.WaitForFirstKestrelResponseAsync(process, client);
        var rss = new Dictionary<int, long>();
        for (var i = 2; i <= Checkpoints[^1]; i++)
        {
            using var response = await client.GetAsync(AppLauncher.Path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (Checkpoints.Contains(i)) rss[i] = process.ResidentBytes();
        }
        return rss;
    }

    private static void Write(TextWriter report, string host, Dictionary<int, long> rss)
    {
        report.WriteLine($"| {host} | {string.Join(" | ", Checkpoints.Select(c => Megabytes(rss[c]).ToString("F1")))} | " +
                         $"**{Growth(rss[100], rss[10_000])}** | {Growth(rss[10_000], rss[60_000])} |");
        report.Flush();
    }

    private static string Growth(long from, long to) => $"{(to - from) * 100.0 / from:+0.0;-0.0}%";

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
