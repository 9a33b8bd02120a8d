using System.IO.Compression;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>
/// The ways an app can be published and started, side by side: cold start (fresh process → first response to the
/// Runtime API emulator) of each, with fresh processes of every variant interleaved round by round so a slow phase of
/// the machine hits all alike, and the process's CPU time until that response (the work done, which a busy machine
/// does not inflate as it does wall time), and the zipped package. Ratios are against the construct's default before this choice:
/// framework-dependent IL with server GC (the web SDK's default) and configuration watchers on.
/// </summary>
internal static class PublishModesBenchmark
{
    private sealed record Variant(string Name, PublishMode Mode, IReadOnlyList<string> PublishArguments, IReadOnlyDictionary<string, string?> Settings, bool AotOrTrimmed = false);

    /// <summary>The framework-dependent mode without the construct's default ReadyToRun: the app's assemblies as IL.</summary>
    internal static readonly string[] IlOnly = ["-p:PublishReadyToRun=false"];
    private static readonly Dictionary<string, string?> Deployed = new();

    private static IReadOnlyDictionary<string, string?> With(string name, string value) => new Dictionary<string, string?> { [name] = value };

    private static readonly Variant[] Variants =
    [
        new("framework-dependent, IL only, server GC, config watchers (the default before)", PublishMode.FrameworkDependent, IlOnly, AppLauncher.SettingsBefore),
        new("framework-dependent, IL only", PublishMode.FrameworkDependent, IlOnly, Deployed),
        new("framework-dependent, IL only, `TieredPGO=0`", PublishMode.FrameworkDependent, IlOnly, With("DOTNET_TieredPGO", "0")),
        new("framework-dependent, IL only, `TC_QuickJitForLoops=0`", PublishMode.FrameworkDependent, IlOnly, With("DOTNET_TC_QuickJitForLoops", "0")),
        new("framework-dependent, IL only, `TieredCompilation=0`", PublishMode.FrameworkDependent, IlOnly, With("DOTNET_TieredCompilation", "0")),
        new("**framework-dependent + ReadyToRun (the default)**", PublishMode.FrameworkDependent, [], Deployed),
        new("framework-dependent + ReadyToRun, `TieredPGO=0`", PublishMode.FrameworkDependent, [], With("DOTNET_TieredPGO", "0")),
        new("self-contained ReadyToRun, untrimmed", PublishMode.ReadyToRun, ["-p:PublishTrimmed=false", "-p:PublishReadyToRunComposite=false"], Deployed),
        new("self-contained ReadyToRun, untrimmed, composite", PublishMode.ReadyToRun, ["-p:PublishTrimmed=false", "-p:PublishReadyToRunComposite=true"], Deployed),
        new("self-contained ReadyToRun, trimmed, composite (the sample's own ReadyToRun settings)", PublishMode.ReadyToRun, [], Deployed, AotOrTrimmed: true),
        new("Native AOT", PublishMode.NativeAot, [], Deployed, AotOrTrimmed: true),
    ];

    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        foreach (var app in new[] { BenchmarkApp.Foundry, BenchmarkApp.MvcCatalog })
        {
            // MVC is neither trim- nor AOT-compatible: those variants apply to the sample only.
            var variants = Variants.Where(v => app == BenchmarkApp.Foundry || !v.AotOrTrimmed).ToArray();
            var published = new List<PublishedApp>();
            foreach (var variant in variants)
            {
                var output = SamplePublisher.DefaultOutput(app.Project, variant.Mode, variant.PublishArguments);
                if (options.ReusePublished && Directory.Exists(output))
                {
                    published.Add(new PublishedApp(output, Path.GetFileNameWithoutExtension(app.Project), variant.Mode));
                    continue;
                }
                Console.Error.WriteLine($"publishing {app.Name}: {variant.Name} …");
                published.Add(await SamplePublisher.PublishAsync(app.Project, variant.Mode, output, variant.PublishArguments, CancellationToken.None));
            }

            var results = variants.Select(_ => new List<(double Poll, double Response, double Cpu)>()).ToArray();
            for (var v = 0; v < variants.Length; v++) await AppLauncher.ColdStartAsync(published[v], app.Event, overrides: variants[v].Settings); // file cache
            for (var run = 0; run < options.Runs; run++)
            {
                for (var v = 0; v < variants.Length; v++)
                    results[v].Add(await AppLauncher.ColdStartAsync(published[v], app.Event, overrides: variants[v].Settings));
            }

            report.WriteLine($"## Publish modes: {app.Name}, GET {app.Path} ({options.Runs} fresh processes per row, interleaved; ms)");
            report.WriteLine();
            report.WriteLine("| publish mode and settings | start → first /next (median) | start → first response (median) | p90 | **wall, ratio to the default before** | " +
                             "CPU ms to first response (median) | **CPU, ratio to the default before** | zipped MB |");
            report.WriteLine("|---|---|---|---|---|---|---|---|");
            var baseline = Stats.Of(results[0].Select(r => r.Response).ToList()).Median;
            var baselineCpu = Stats.Of(results[0].Select(r => r.Cpu).ToList()).Median;
            for (var v = 0; v < variants.Length; v++)
            {
                var poll = Stats.Of(results[v].Select(r => r.Poll).ToList());
                var response = Stats.Of(results[v].Select(r => r.Response).ToList());
                var cpu = Stats.Of(results[v].Select(r => r.Cpu).ToList());
                report.WriteLine($"| {variants[v].Name} | {poll.Median:F1} | {response.Median:F1} | {response.P90:F1} | **{response.Median / baseline:F2}** | " +
                                 $"{cpu.Median:F1} | **{cpu.Median / baselineCpu:F2}** | {ZippedMegabytes(published[v]):F2} |");
            }
            report.WriteLine();
            report.Flush();
        }
    }

    private static double ZippedMegabytes(PublishedApp app)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"swa-package-{Guid.NewGuid():N}.zip");
        try
        {
            ZipFile.CreateFromDirectory(app.Directory, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
            return new FileInfo(zip).Length / (1024.0 * 1024.0);
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
