using System.Xml.Linq;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>What the construct needs to know about a <c>.csproj</c>, read without MSBuild.</summary>
internal sealed class ProjectFile
{
    private readonly XDocument _document;

    private ProjectFile(string path)
    {
        FullPath = Path.GetFullPath(path);
        _document = XDocument.Load(FullPath);
    }

    public string FullPath { get; }

    public string Directory => Path.GetDirectoryName(FullPath)!;

    /// <summary>The <c>AssemblyName</c> property, or the file name as MSBuild defaults it.</summary>
    public string AssemblyName =>
        Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(FullPath);

    public static ProjectFile Load(string path) => new(path);

    public string? Property(string name) =>
        _document.Descendants().FirstOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

    /// <summary>Full paths of the projects this one references directly.</summary>
    public IEnumerable<string> ProjectReferences() => IncludedPaths("ProjectReference");

    /// <summary>Full paths of source or content files linked from outside the project folder (no wildcards).</summary>
    public IEnumerable<string> LinkedFilesOutsideProject() =>
        new[] { "Compile", "Content", "None", "EmbeddedResource" }
            .SelectMany(IncludedPaths)
            .Where(p => !p.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(p));

    private IEnumerable<string> IncludedPaths(string itemName) =>
        _document.Descendants()
            .Where(e => e.Name.LocalName == itemName)
            .Select(e => (string?)e.Attribute("Include"))
            .Where(include => !string.IsNullOrWhiteSpace(include) && !include!.Contains('*') && !include.Contains("$("))
            .Select(include => Path.GetFullPath(Path.Combine(Directory, include!.Replace('\\', Path.DirectorySeparatorChar))));
}
