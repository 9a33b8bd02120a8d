using System.Security.Cryptography;
using System.Text;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>
/// The asset hash of an app: every source file of the project and of the projects it references (transitively),
/// files they link from elsewhere, the MSBuild/NuGet settings files above them and the publish target.
/// What builds, tools and local runs leave behind is not hashed (<see cref="SourceIgnoreRules"/>), so an unchanged app
/// hashes the same and is not republished.
/// </summary>
internal static class SourceHash
{
    private static readonly string[] SettingsFiles =
    {
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config",
    };

    /// <summary>Bump when the publish step changes what a bundle of the same sources contains, so staged assets are rebuilt.</summary>
    internal const string BundleFormat = "2: framework-dependent published for the function's runtime identifier";

    public static string Compute(string projectPath, PublishTarget target)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in ProjectClosure(projectPath))
        {
            files.UnionWith(SourceFiles(project.Directory, SourceIgnoreRules.For(project.Directory)));
            files.UnionWith(project.LinkedFilesOutsideProject());
            files.UnionWith(SettingsFilesAbove(project.Directory));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, BundleFormat);
        Append(sha, target.ToString());
        // The publish's default properties shape the bundle too; only the targets they apply to get a new hash.
        foreach (var (name, value) in PublishCommand.DefaultProperties(target)) Append(sha, $"{name}={value}");
        foreach (var file in files)
        {
            Append(sha, Path.GetRelativePath(root, file).Replace('\\', '/'));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The project and every project it references, each once.</summary>
    internal static IReadOnlyList<ProjectFile> ProjectClosure(string projectPath)
    {
        var seen = new Dictionary<string, ProjectFile>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(projectPath));
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (seen.ContainsKey(path) || !File.Exists(path)) continue;
            var project = ProjectFile.Load(path);
            seen.Add(path, project);
            foreach (var reference in project.ProjectReferences()) pending.Push(reference);
        }
        return seen.Values.ToList();
    }

    private static IEnumerable<string> SourceFiles(string directory, SourceIgnoreRules ignore)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (!ignore.IgnoresFile(file)) yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (ignore.IgnoresDirectory(child)) continue;
            foreach (var file in SourceFiles(child, ignore)) yield return file;
        }
    }

    private static IEnumerable<string> SettingsFilesAbove(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            foreach (var name in SettingsFiles)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate)) yield return candidate;
            }
        }
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData(new byte[] { 0 });
    }
}
