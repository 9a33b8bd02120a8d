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

    /// <summary>
    /// Default output: <c>artifacts/publish/&lt;project&gt;-&lt;mode&gt;</c> under the repository root, followed by the
    /// extra publish arguments of a variant (<c>-p:PublishReadyToRun=false</c> → <c>-p_PublishReadyToRun_false</c>).
    /// </summary>
    public static string DefaultOutput(string project, PublishMode mode, IReadOnlyList<string>? extraArguments = null) =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "publish",
            $"{Path.GetFileNameWithoutExtension(project)}-{mode}{string.Concat(extraArguments ?? [])}".Replace(':', '_').Replace('=', '_'));

    /// <summary>The <c>--artifacts-path</c> of a mode's builds (<c>obj/</c> and <c>bin/</c>), kept between publishes.</summary>
    public static string ArtifactsPath(PublishMode mode) => Path.Combine(RepositoryPaths.Root, "artifacts", "build", mode.ToString());

    public static Task<PublishedApp> PublishAsync(PublishMode mode, string? output = null, CancellationToken cancellationToken = default) =>
        PublishAsync(FoundryServiceProject, mode, output, cancellationToken);

    public static Task<PublishedApp> PublishAsync(string project, PublishMode mode, string? output, CancellationToken cancellationToken) =>
        PublishAsync(project, mode, output, [], cancellationToken);

    /// <summary>
    /// Publishes as the construct does, with <paramref name="extraArguments"/> (e.g. <c>-p:PublishReadyToRun=false</c>)
    /// after the mode's own, for benchmarks that compare a mode with a variant of it.
    /// </summary>
    public static Task<PublishedApp> PublishAsync(
        string project, PublishMode mode, string? output, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        output = Path.GetFullPath(output ?? DefaultOutput(project, mode, extraArguments));
        return Published.GetOrAdd(output, dir => new Lazy<Task<PublishedApp>>(
            () => RunPublishAsync(project, mode, dir, extraArguments, cancellationToken))).Value;
    }

    public static IReadOnlyList<string> Arguments(string project, PublishMode mode, string output, IReadOnlyList<string>? extraArguments = null)
    {
        var args = new List<string>
        {
            "publish", project, "-c", "Release", "-o", output, "--nologo",
            // Per mode and variant: builds with different properties must not share obj/.
            "--artifacts-path", ArtifactsPath(mode) + Variant(extraArguments),
        };
        args.AddRange(ModeArguments(mode));
        args.AddRange(extraArguments ?? []);
        return args;
    }

    /// <summary>The mode's own <c>dotnet publish</c> arguments: the construct's for x86_64 (this machine).</summary>
    public static IReadOnlyList<string> ModeArguments(PublishMode mode) => mode switch
    {
        PublishMode.FrameworkDependent => ["--runtime", "linux-x64", "--self-contained", "false", "-p:UseAppHost=false"],
        PublishMode.ReadyToRun => ["--runtime", "linux-x64", "--self-contained", "true", "-p:PublishReadyToRun=true"],
        PublishMode.NativeAot => ["--runtime", "linux-x64", "-p:PublishAot=true", "-p:StripSymbols=true"],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown publish mode."),
    };

    /// <summary>
    /// The MSBuild properties the construct passes as defaults for x86_64 (through the environment, so the project
    /// can still set them otherwise): ReadyToRun for framework-dependent, the AVX2 baseline for ReadyToRun code.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultProperties(PublishMode mode)
    {
        var properties = new Dictionary<string, string>();
        if (mode == PublishMode.FrameworkDependent) properties["PublishReadyToRun"] = "true";
        if (mode != PublishMode.NativeAot) properties["PublishReadyToRunCrossgen2ExtraArgs"] = "--instruction-set:x86-64-v3";
        return properties;
    }

    private static string Variant(IReadOnlyList<string>? extraArguments) =>
        extraArguments is { Count: > 0 }
            ? "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', extraArguments))))[..8]
            : "";

    private static async Task<PublishedApp> RunPublishAsync(
        string project, PublishMode mode, string output, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        // Publish into an empty directory: files of an earlier publish (another mode's layout, data a test run left
        // beside the app) would otherwise stay, run and count in the package size.
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in Arguments(project, mode, output, extraArguments)) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in DefaultProperties(mode)) info.Environment.TryAdd(name, value);

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
