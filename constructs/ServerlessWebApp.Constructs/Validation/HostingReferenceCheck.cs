using System.Xml;
using System.Xml.Linq;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Warns when the project at <c>ProjectPath</c> does not reference <c>ServerlessWebApp.Hosting</c>: it would publish and
/// deploy, and every invocation would fail. Read without MSBuild: the project file, the nearest
/// <c>Directory.Build.props</c> and <c>Directory.Build.targets</c> above it, and the projects it references, recursively.
/// </summary>
internal static class HostingReferenceCheck
{
    public const string PackageId = "ServerlessWebApp.Hosting";
    private const string ProjectFileName = PackageId + ".csproj";
    private static readonly string[] ImportedFiles = ["Directory.Build.props", "Directory.Build.targets"];

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        // A missing or misnamed project is an error of its own (CodeChecks).
        if (props.ProjectPath is not { } path || !path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return;
        if (ReferencesHosting(Path.GetFullPath(path), new HashSet<string>(StringComparer.Ordinal))) return;
        findings.Warning(ServerlessWebAppWarnings.ProjectWithoutHosting,
            $"ProjectPath '{path}' does not reference {PackageId} (no PackageReference or ProjectReference in the project, the " +
            "Directory.Build.props/.targets above it or the projects it references), so in Lambda nothing answers the Runtime API " +
            $"and every invocation fails. Add it with: dotnet add \"{path}\" package {PackageId} — and call " +
            "builder.Services.AddServerlessWebApp() in Program.cs.");
    }

    /// <summary>Whether the project, what MSBuild imports for it, or a project it references references the hosting package.</summary>
    internal static bool ReferencesHosting(string projectPath, ISet<string> visited)
    {
        if (!visited.Add(projectPath) || !File.Exists(projectPath)) return false;
        var directory = Path.GetDirectoryName(projectPath)!;
        var files = new[] { projectPath }.Concat(ImportedFiles.Select(name => Nearest(directory, name)).OfType<string>());
        var references = files.SelectMany(Items).ToList();
        if (references.Any(item => IsHosting(item.Name, item.Include))) return true;
        return references
            .Where(item => item.Name == "ProjectReference" && !item.Include.Contains("$("))
            .Select(item => Path.GetFullPath(Path.Combine(directory, item.Include.Replace('\\', Path.DirectorySeparatorChar))))
            .Any(referenced => ReferencesHosting(referenced, visited));
    }

    private static bool IsHosting(string itemName, string include) => itemName switch
    {
        "PackageReference" => string.Equals(include.Trim(), PackageId, StringComparison.OrdinalIgnoreCase),
        "ProjectReference" => string.Equals(include.Replace('\\', '/').Split('/')[^1], ProjectFileName, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static IEnumerable<(string Name, string Include)> Items(string file)
    {
        XDocument document;
        try { document = XDocument.Load(file); }
        catch (XmlException) { return []; } // a broken file fails the publish with MSBuild's own message
        return document.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(e => (e.Name.LocalName, (string?)e.Attribute("Include")))
            .Where(item => !string.IsNullOrWhiteSpace(item.Item2))
            .Select(item => (item.LocalName, item.Item2!))
            .ToList();
    }

    private static string? Nearest(string directory, string fileName)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
