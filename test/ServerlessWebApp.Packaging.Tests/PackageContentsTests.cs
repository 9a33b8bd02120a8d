using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Serverless.WebApp.Packaging.Tests.Support;

namespace Serverless.WebApp.Packaging.Tests;

/// <summary>What a user downloads: each package's metadata, README, documentation, dependencies and nothing else.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentsTests(PackedFeed feed)
{
    /// <summary>The Source Link custom debug information in a portable PDB (its documented GUID).</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Packages => new(PackedFeed.PackageIds);

    public static TheoryData<string> Libraries => new() { "ServerlessWebApp.Constructs", "ServerlessWebApp.Hosting" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryPackageCarriesCompleteMetadata(string id)
    {
        var metadata = Nuspec(id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        Assert.Equal("Apache-2.0", metadata.Element(Ns(metadata) + "license")?.Value);
        Assert.Equal("expression", metadata.Element(Ns(metadata) + "license")?.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
        Assert.True(Value(metadata, "description").Length > 40, "the description says what the package is");
        Assert.StartsWith("https://github.com/", feed.RepositoryUrl, StringComparison.Ordinal);
        Assert.Equal(feed.RepositoryUrl, Value(metadata, "projectUrl"));
        var repository = metadata.Element(Ns(metadata) + "repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(feed.RepositoryUrl + ".git", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        Assert.Contains("aws", Value(metadata, "tags").Split(' '));
        Assert.Contains("lambda", Value(metadata, "tags").Split(' '));
        Assert.Equal("README.md", Value(metadata, "readme"));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryReadmeStandsOnItsOwn(string id)
    {
        var readme = Entry(feed.PackagePath(id), "README.md");

        Assert.StartsWith($"# {id}", readme);
        // Links must work on nuget.org, where only the README is shown: absolute URLs or anchors, never repository files.
        foreach (Match link in Regex.Matches(readme, @"\]\(([^)\s]+)\)"))
        {
            var target = link.Groups[1].Value;
            Assert.True((target.StartsWith("https://", StringComparison.Ordinal) && !target.Contains("/blob/") && !target.Contains("/tree/"))
                        || target.StartsWith('#'),
                $"{id}'s README links to '{target}', a file that is not in the package");
        }
        Assert.Contains("dotnet", readme);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void LibrariesShipTheirAssemblyXmlDocsAndSourceLinkedSymbols(string id)
    {
        var files = FileNames(feed.PackagePath(id));
        Assert.Contains($"lib/net10.0/{id}.dll", files);
        var docs = XDocument.Parse(Entry(feed.PackagePath(id), $"lib/net10.0/{id}.xml"));
        Assert.True(docs.Descendants("member").Count() > 50, "the XML documentation is the library's, not an empty file");

        // The symbol package's PDB maps the deterministic source root to the repository at the packed commit.
        using var symbols = ZipFile.OpenRead(feed.SymbolPackagePath(id));
        using var pdbStream = new MemoryStream();
        using (var entry = symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open()) entry.CopyTo(pdbStream);
        pdbStream.Position = 0;
        using var pdb = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var reader = pdb.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .Single();
        var rawFiles = feed.RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);
        Assert.Matches($@"""/_/\*"":""{Regex.Escape(rawFiles)}/[0-9a-f]{{40}}/\*""", sourceLink);

        // Deterministic: the assembly says so, and records no path of the machine that built it.
        using var assembly = new PEReader(new MemoryStream(Bytes(feed.PackagePath(id), $"lib/net10.0/{id}.dll")));
        Assert.True(assembly.PEHeaders.CoffHeader.TimeDateStamp != 0 && assembly.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.Reproducible));
        // Sources are mapped to /_/; only files generated under obj/ (embedded in the PDB) keep their build path.
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.Contains(documents, path => path.StartsWith("/_/", StringComparison.Ordinal));
        Assert.DoesNotContain(documents, path => path.StartsWith(Serverless.WebApp.TestSupport.RepositoryPaths.Root, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void PackagesHoldNoTestSampleOrBuildLeftovers(string id)
    {
        // The template's own test project is content a user gets on purpose; anything else test-like is a leak.
        foreach (var file in FileNames(feed.PackagePath(id)).Where(f => !f.StartsWith("content/serverlesswebapp/test/MyWebApp.Tests/", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(@"(?i)(test|sample|foundry|benchmark|(^|/)bin/|(^|/)obj/|cdk\.out|\.db|\.user$|\.swp$)", file);
        }
    }

    [Fact]
    public void LibraryDependenciesAreVersionedAndCdkIsThePinnedOne()
    {
        var constructs = Dependencies("ServerlessWebApp.Constructs");
        Assert.Equal("2.160.0", constructs["Amazon.CDK.Lib"]);
        Assert.Equal("10.0.5", constructs["Constructs"]);

        var hosting = Dependencies("ServerlessWebApp.Hosting");
        Assert.Equal(["AWSSDK.DynamoDBv2", "AWSSDK.S3", "AWSSDK.SimpleSystemsManagement", "AWSSDK.SQS", "Microsoft.Data.Sqlite"], hosting.Keys.Order());
        Assert.All(hosting.Values, version => Assert.Matches(@"^\d+\.\d+\.\d+", version));
        Assert.Contains(Nuspec("ServerlessWebApp.Hosting").Descendants(Ns(Nuspec("ServerlessWebApp.Hosting")) + "frameworkReference"),
            f => f.Attribute("name")?.Value == "Microsoft.AspNetCore.App");
    }

    [Fact]
    public void TheTemplatePackageIsATemplateWhoseProjectsReferenceThePackagesByVersion()
    {
        var path = feed.PackagePath("ServerlessWebApp.Templates");
        var metadata = Nuspec("ServerlessWebApp.Templates");
        Assert.Equal("Template", metadata.Descendants(Ns(metadata) + "packageType").Single().Attribute("name")?.Value);
        Assert.Empty(metadata.Descendants(Ns(metadata) + "dependency"));

        var files = FileNames(path);
        Assert.Contains("content/serverlesswebapp/.template.config/template.json", files);
        Assert.Contains("content/serverlesswebapp/.gitignore", files);
        Assert.Contains("content/serverlesswebapp/cdk.json", files);
        Assert.DoesNotContain(files, f => f.EndsWith("nuget.config", StringComparison.OrdinalIgnoreCase));

        var web = Entry(path, "content/serverlesswebapp/src/MyWebApp/MyWebApp.csproj");
        Assert.Contains($"<PackageReference Include=\"ServerlessWebApp.Hosting\" Version=\"{feed.Version}\" />", web);
        var cdk = Entry(path, "content/serverlesswebapp/cdk/MyWebApp.Cdk/MyWebApp.Cdk.csproj");
        Assert.Contains($"<PackageReference Include=\"ServerlessWebApp.Constructs\" Version=\"{feed.Version}\" />", cdk);
        foreach (var project in files.Where(f => f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("{{", Entry(path, project));
            Assert.All(Regex.Matches(Entry(path, project), "<PackageReference [^>]*>").Select(m => m.Value), reference => Assert.Contains("Version=\"", reference));
        }
    }

    private XElement Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath(id));
        var nuspec = zip.Entries.Single(e => e.FullName == $"{id}.nuspec");
        using var stream = nuspec.Open();
        var package = XDocument.Load(stream).Root!;
        return package.Element(package.Name.Namespace + "metadata")!;
    }

    private Dictionary<string, string> Dependencies(string id)
    {
        var metadata = Nuspec(id);
        return metadata.Descendants(Ns(metadata) + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
    }

    private static XNamespace Ns(XElement element) => element.Name.Namespace;

    private static string Value(XElement metadata, string name) => metadata.Element(Ns(metadata) + name)?.Value ?? "";

    private static IReadOnlyList<string> FileNames(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static string Entry(string package, string name) => System.Text.Encoding.UTF8.GetString(Bytes(package, name));

    private static byte[] Bytes(string package, string name)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{Path.GetFileName(package)} has no {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
