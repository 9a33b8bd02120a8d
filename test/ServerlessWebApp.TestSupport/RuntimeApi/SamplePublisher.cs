using System.Collections.Concurrent;
using System.Diagnostics;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// Publishes a project of this repository with <c>dotnet publish</c> in one of the <see cref="PublishMode"/>s, at most
/// once per process and output directory, into an emptied directory. Builds go to their own artifacts path so they never share <c>obj/</c> with
/// an IDE build or another test project publishing the same sample at the same time.
/// </summary>
public static class SamplePublisher
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PublishedApp>>> Published = new();

    public static string FoundryServiceProject => Path.Combine(RepositoryPaths.Root, "samples", "FoundryService", "FoundryService.csproj");

    /// <summary>Default output: <c>artifacts/publish/&lt;project&gt;-&lt;mode&gt;</c> under the repository root.</summary>
    public static string DefaultOutput(string project, PublishMode mode) =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "publish", $"{Path.GetFileNameWithoutExtension(project)}-{mode}");

    /// <summary>The <c>--artifacts-path</c> of a mode's builds (<c>obj/</c> and <c>bin/</c>), kept between publishes.</summary>
    public static string ArtifactsPath(PublishMode mode) => Path.Combine(RepositoryPaths.Root, "artifacts", "build", mode.ToString());

    public static Task<PublishedApp> PublishAsync(PublishMode mode, string? output = null, CancellationToken cancellationToken = default) =>
        PublishAsync(FoundryServiceProject, mode, output, cancellationToken);

    public static Task<PublishedApp> PublishAsync(string project, PublishMode mode, string? output, CancellationToken cancellationToken)
    {
        output = Path.GetFullPath(output ?? DefaultOutput(project, mode));
        return Published.GetOrAdd(output, dir => new Lazy<Task<PublishedApp>>(() => RunPublishAsync(project, mode, dir, cancellationToken))).Value;
    }

    public static IReadOnlyList<string> Arguments(string project, PublishMode mode, string output)
    {
        var args = new List<string>
        {
            "publish", project, "-c", "Release", "-o", output, "--nologo",
            "--artifacts-path", ArtifactsPath(mode),
        };
        args.AddRange(mode switch
        {
            // As the construct publishes for the managed runtime: for the function's platform only, no app host.
            PublishMode.FrameworkDependent => ["-r", "linux-x64", "--self-contained", "false", "-p:UseAppHost=false"],
            // As the construct publishes for x86_64 (its default of PublishReadyToRunCrossgen2ExtraArgs): AVX2 baseline.
            PublishMode.ReadyToRun => ["-r", "linux-x64", "--self-contained", "-p:PublishReadyToRun=true",
                "-p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3"],
            PublishMode.NativeAot => ["-r", "linux-x64", "-p:PublishAot=true"],
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown publish mode."),
        });
        return args;
    }

    private static async Task<PublishedApp> RunPublishAsync(string project, PublishMode mode, string output, CancellationToken cancellationToken)
    {
        // Publish into an empty directory: files of an earlier publish (another mode's layout, data a test run left
        // beside the app) would otherwise stay, run and count in the package size.
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in Arguments(project, mode, output)) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', info.ArgumentList)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
        return new PublishedApp(output, Path.GetFileNameWithoutExtension(project), mode) { PublishLog = await stdout + await stderr };
    }
}
