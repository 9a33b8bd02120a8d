using System.Diagnostics;
using Serverless.WebApp.TestSupport.RuntimeApi;
using Serverless.WebApp.TestSupport.Ssm;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// What reading secrets at start adds to a cold start: process start → first response with and without
/// <c>SWA_SECRETS</c> (two SSM parameters and a Secrets Manager secret, one <c>GetParameters</c> call to a Parameter Store
/// endpoint on loopback), the two runs interleaved per pair so both see the same machine. The loopback call leaves out the
/// network round trip to the real service, which adds its own latency on top.
/// </summary>
internal static class SecretsColdStartBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        await using var ssm = await FakeSsmServer.StartAsync();
        ssm.PutParameter("/foundry/lab-key", "lab-key-value");
        ssm.PutParameter("/foundry/api-token", "api-token-value");
        ssm.PutSecret("foundry/db", """{"username":"foundry","password":"db-password"}""");
        var secrets = new Dictionary<string, string?>
        {
            ["SWA_SECRETS"] = "Foundry:LabKey=/foundry/lab-key,Foundry:ApiToken=/foundry/api-token,Db=/aws/reference/secretsmanager/foundry/db",
            ["AWS_ENDPOINT_URL_SSM"] = ssm.ServiceUrl.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "benchmark",
            ["AWS_SECRET_ACCESS_KEY"] = "benchmark",
        };

        report.WriteLine($"## Secrets at cold start ({options.Runs} interleaved pairs of fresh processes per mode, ms; process settings: {options.ProcessSettings})");
        report.WriteLine();
        report.WriteLine("| mode | without secrets: start → first response (median) | with 3 secrets (median) | added (median of pair differences) | p90 of differences | GetParameters calls per start |");
        report.WriteLine("|---|---|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            await FirstResponseAsync(app, options.ProcessSettings, null);
            await FirstResponseAsync(app, options.ProcessSettings, secrets);
            var callsBefore = ssm.Calls.Count;
            var without = new List<double>();
            var with = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                without.Add(await FirstResponseAsync(app, options.ProcessSettings, null));
                with.Add(await FirstResponseAsync(app, options.ProcessSettings, secrets));
            }
            var calls = (ssm.Calls.Count - callsBefore) / (double)options.Runs;
            var added = Stats.Of(with.Zip(without, (w, o) => w - o).ToList());
            report.WriteLine($"| {mode} | {Stats.Of(without).Median:F1} | {Stats.Of(with).Median:F1} | **{added.Median:F1}** | {added.P90:F1} | {calls:F0} |");
            report.Flush();
        }
        report.WriteLine();
    }

    private static async Task<double> FirstResponseAsync(PublishedApp app, ProcessSettings settings, IReadOnlyDictionary<string, string?>? extra)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var first = emulator.Enqueue(AppLauncher.GetEvent, out _);
        await using var process = AppLauncher.StartLambda(app, emulator, settings, extra);
        var result = AppLauncher.EnsureOk(await first.WaitAsync(AppLauncher.Timeout), process);
        return Stopwatch.GetElapsedTime(process.StartTimestamp, result.CompletedTimestamp).TotalMilliseconds;
    }
}
