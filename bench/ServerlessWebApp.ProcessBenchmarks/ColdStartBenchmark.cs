using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// Process start → first response posted to the Runtime API emulator, per publish mode, over
/// fresh processes; and the same app's process start → first 200 on Kestrel as the reference.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine($"## Cold start ({options.Runs} fresh processes per cell, Lambda and Kestrel alternating; ms; process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| mode | Lambda: start → first /next | Lambda: start → first response (median) | p90 | Kestrel: start → first 200 (median) | p90 | " +
                         "**Lambda / Kestrel, wall** | Lambda CPU ms to first response | Kestrel CPU ms to first 200 | **Lambda / Kestrel, CPU** |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            // One untimed run per host warms the OS file cache, as Lambda's own image cache is warm.
            await LambdaOnceAsync(app, options.ProcessSettings);
            await KestrelOnceAsync(app, options.ProcessSettings);
            var lambda = new List<(double Poll, double Response, double Cpu)>();
            var kestrel = new List<(double Response, double Cpu)>();
            for (var run = 0; run < options.Runs; run++)
            {
                lambda.Add(await LambdaOnceAsync(app, options.ProcessSettings));
                kestrel.Add(await KestrelOnceAsync(app, options.ProcessSettings));
            }
            var poll = Stats.Of(lambda.Select(l => l.Poll).ToList());
            var response = Stats.Of(lambda.Select(l => l.Response).ToList());
            var lambdaCpu = Stats.Of(lambda.Select(l => l.Cpu).ToList());
            var reference = Stats.Of(kestrel.Select(k => k.Response).ToList());
            var referenceCpu = Stats.Of(kestrel.Select(k => k.Cpu).ToList());
            report.WriteLine($"| {mode} | {poll.Median:F1} | **{response.Median:F1}** | {response.P90:F1} | {reference.Median:F1} | {reference.P90:F1} | " +
                             $"**{response.Median / reference.Median:F2}** | {lambdaCpu.Median:F1} | {referenceCpu.Median:F1} | **{lambdaCpu.Median / referenceCpu.Median:F2}** |");
            report.Flush();
        }
        report.WriteLine();
    }

    private static Task<(double Poll, double Response, double Cpu)> LambdaOnceAsync(PublishedApp app, ProcessSettings settings) =>
        AppLauncher.ColdStartAsync(app, AppLauncher.GetEvent, settings);

    private static async Task<(double Response, double Cpu)> KestrelOnceAsync(PublishedApp app, ProcessSettings settings)
    {
        await using var process = AppLauncher.StartKestrel(app, settings, out var baseAddress);
        using var client = AppLauncher.KestrelClient(baseAddress);
        var (elapsed, cpu) = await AppLauncher.FirstKestrelResponseAsync(process, client);
        return (elapsed.TotalMilliseconds, cpu.TotalMilliseconds);
    }
}
