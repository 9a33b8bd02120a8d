using System.IO.Compression;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>The deployment package (the publish directory zipped, as CDK uploads it) per mode.</summary>
internal static class PackageSizeBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options, TextWriter report)
    {
        report.WriteLine("## Package size");
        report.WriteLine();
        report.WriteLine("| mode | files | unzipped MB | zipped MB |");
        report.WriteLine("|---|---|---|---|");
        foreach (var mode in options.Modes)
        {
            var app = await SamplePublisher.PublishAsync(mode);
            var zip = Path.Combine(Path.GetTempPath(), $"swa-package-{mode}-{Guid.NewGuid():N}.zip");
            try
            {
                ZipFile.CreateFromDirectory(app.Directory, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
                var files = Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories).Count();
                report.WriteLine($"| {mode} | {files} | {Megabytes(app.SizeOnDisk()):F2} | **{Megabytes(new FileInfo(zip).Length):F2}** |");
            }
            finally
            {
                File.Delete(zip);
            }
        }
        report.WriteLine();
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
