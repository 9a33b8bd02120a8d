using System.Diagnostics;
using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>
/// One folder per test process for everything the construct tests write (cloud assemblies, bundles, scratch
/// projects), removed after the last test of the "cdk" collection (<see cref="TestFoldersCleanup"/>). Without it every
/// <c>new App()</c> leaves a <c>cdk.outXXXXXX</c> folder in the system temp folder — about 300 per run, some 300 MB
/// with the bundled assets. The folder of a run that ended before it could clean up is removed by the next run.
/// </summary>
internal static class TestFolders
{
    private const string RunPrefix = "run-";
    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "swa-construct-tests");

    public static string Root { get; } = CreateRoot();

    /// <summary>A new empty folder under <see cref="Root"/>.</summary>
    public static string NewDirectory(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}")).FullName;

    /// <summary>An app whose cloud assembly goes under <see cref="Root"/>, unless <paramref name="props"/> names its own outdir.</summary>
    public static App NewApp(AppProps? props = null)
    {
        props ??= new AppProps();
        props.Outdir ??= NewDirectory("cdk.out");
        return new App(props);
    }

    public static void DeleteRoot() => TryDelete(Root);

    private static string CreateRoot()
    {
        RemoveFoldersOfEndedRuns();
        return Directory.CreateDirectory(Path.Combine(Parent, $"{RunPrefix}{System.Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
    }

    private static void RemoveFoldersOfEndedRuns()
    {
        if (!Directory.Exists(Parent)) return;
        foreach (var folder in Directory.EnumerateDirectories(Parent, RunPrefix + "*"))
        {
            var name = Path.GetFileName(folder)[RunPrefix.Length..];
            var dash = name.IndexOf('-');
            if (dash > 0 && int.TryParse(name[..dash], out var pid) && !IsRunning(pid)) TryDelete(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Another run's files, or one still open: left for the next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Deletes <see cref="TestFolders.Root"/> once every test of the "cdk" collection has run.</summary>
public sealed class TestFoldersCleanup : IDisposable
{
    public void Dispose() => TestFolders.DeleteRoot();
}
