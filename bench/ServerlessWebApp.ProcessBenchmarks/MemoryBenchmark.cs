using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.ProcessBenchmarks;

/// <summary>Issue 7, benchmark 6: resident memory of the Lambda process after 100 and after 10,000 warm invocations.</summary>
internal static class MemoryBenchmark
{
    private const int Early = 100;
    private const int Late = 10_000;

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Memory (RSS of the Lambda process, MB)");
        report.WriteLine();
        report.WriteLine($"| mode | after {Early:N0} | after {Late:N0} | growth |");
        report.WriteLine("|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
            await using var process = AppLauncher.StartLambda(app, emulator);
            long early = 0;
            for (var i = 1; i <= Late; i++)
            {
                AppLauncher.EnsureOk(await emulator.InvokeAsync(AppLauncher.GetEvent, AppLauncher.Timeout), process);
                if (i == Early) early = process.ResidentBytes();
            }
            var late = process.ResidentBytes();
            report.WriteLine($"| {mode} | {Megabytes(early):F1} | {Megabytes(late):F1} | **{(late - early) * 100.0 / early:+0.0;-0.0}%** |");
            report.Flush();
        }
        report.WriteLine();
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
