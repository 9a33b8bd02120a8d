using System.Diagnostics;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// How soon a fresh process reaches its warm speed: the first response, then req/s in windows of back-to-back
/// invocations, and RSS at the end — with the settings the construct deploys, side by side with the same plus
/// <c>DOTNET_TC_CallCountingDelayMs=10</c> (tiered compilation starts counting calls after 16 ms without new tier-0
/// compilations instead of 100 ms). Fresh processes alternate between the variants so drift hits both alike.
/// </summary>
internal static class TierUpBenchmark
{
    private const int Processes = 10;
    private static readonly int[] Windows = [1, 100, 1_000, 5_000, 10_000, 20_000];
    private static readonly (string Name, IReadOnlyDictionary<string, string?> Extra)[] Variants =
    [
        ("deployed settings", new Dictionary<string, string?>()),
        ("+ DOTNET_TC_CallCountingDelayMs=10", new Dictionary<string, string?> { ["DOTNET_TC_CallCountingDelayMs"] = "10" }),
    ];

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Tier-up after a cold start (medians of {Processes} fresh processes per row, back-to-back invocations)");
        report.WriteLine();
        var windows = Windows.Zip(Windows.Skip(1), (from, to) => $"req/s {from:N0}–{to:N0}");
        report.WriteLine($"| mode | settings | first response ms | {string.Join(" | ", windows)} | RSS after {Windows[^1]:N0} MB |");
        report.WriteLine($"|---|---|---|{string.Concat(windows.Select(_ => "---|"))}---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            var rows = Variants.Select(_ => new List<double[]>()).ToArray();
            for (var run = 0; run < Processes; run++)
            {
                for (var v = 0; v < Variants.Length; v++) rows[v].Add(await MeasureAsync(app, options.ProcessSettings, Variants[v].Extra));
            }
            for (var v = 0; v < Variants.Length; v++)
            {
                var medians = Enumerable.Range(0, rows[v][0].Length).Select(i => Stats.Of(rows[v].Select(r => r[i]).ToArray()).Median).ToArray();
                report.WriteLine($"| {mode} | {Variants[v].Name} | {medians[0]:F0} | " +
                                 $"{string.Join(" | ", medians[1..^1].Select(m => m.ToString("N0")))} | {medians[^1]:F1} |");
            }
            report.Flush();
        }
        report.WriteLine();
    }

    /// <summary>First response (ms), req/s per window, RSS (MB) after the last window.</summary>
    private static async Task<double[]> MeasureAsync(PublishedApp app, ProcessSettings settings, IReadOnlyDictionary<string, string?> extra)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var first = emulator.Enqueue(AppLauncher.GetEvent, out _);
        await using var process = AppLauncher.StartLambda(app, emulator, settings, extra);
        var result = AppLauncher.EnsureOk(await first.WaitAsync(AppLauncher.Timeout), process);
        // measured as the cold-start benchmark measures it: from the process start to the first response
        var measured = new List<double> { Stopwatch.GetElapsedTime(process.StartTimestamp, result.CompletedTimestamp).TotalMilliseconds };
        for (var w = 1; w < Windows.Length; w++)
        {
            var windowStart = Stopwatch.GetTimestamp();
            for (var i = Windows[w - 1]; i < Windows[w]; i++)
                AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);
            measured.Add((Windows[w] - Windows[w - 1]) / Stopwatch.GetElapsedTime(windowStart).TotalSeconds);
        }
        measured.Add(process.ResidentBytes() / (1024.0 * 1024.0));
        return measured.ToArray();
    }
}
