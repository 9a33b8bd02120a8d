using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Packaging.Tests.Support;

/// <summary>
/// The three packages packed once per test run, as CI would publish them (Release, deterministic CI build), into a
/// local folder feed outside the repository. Builds go to their own artifacts path, so packing never touches the
/// repository's bin/ and obj/ that other test projects use at the same time.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["ServerlessWebApp.Constructs", "ServerlessWebApp.Hosting", "ServerlessWebApp.Templates"];

    public string Root { get; } = Directory.CreateTempSubdirectory("swa-packages-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The version every package carries (Directory.Build.props).</summary>
    public string Version { get; } = BuildProperty("Version");

    /// <summary>The public repository's URL, without <c>.git</c> (Directory.Build.props).</summary>
    public string RepositoryUrl { get; } = BuildProperty("SwaRepositoryUrl");

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolPackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    private readonly Lazy<Task<string>> _templateHive;

    public PackedFeed() => _templateHive = new(InstallTemplateAsync);

    /// <summary>
    /// A private template hive with the template package installed from the feed (nothing reaches the user's
    /// templates), for <c>dotnet new --debug:custom-hive</c>; installed once per run.
    /// </summary>
    public Task<string> TemplateHiveAsync() => _templateHive.Value;

    private async Task<string> InstallTemplateAsync()
    {
        var hive = Path.Combine(Root, "template-hive");
        await CommandLine.RunAsync(Root, Environment(), TimeSpan.FromMinutes(5), "dotnet", "new", "install", PackagePath("ServerlessWebApp.Templates"),
            "--debug:custom-hive", hive);
        return hive;
    }

    public async Task InitializeAsync()
    {
        await CommandLine.RunAsync(RepositoryPaths.Root, Environment(), TimeSpan.FromMinutes(15), "dotnet",
            "pack", Path.Combine("test", "ServerlessWebApp.Packaging.Tests", "packages.slnf"), "--configuration", "Release", "--output", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "--nologo", "-p:ContinuousIntegrationBuild=true");
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a process of a failed run may still hold a file; the temp folder is cleaned later */ }
        return Task.CompletedTask;
    }

    private static string BuildProperty(string name) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants(name).Single().Value;

    public static Dictionary<string, string?> Environment() => new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        // MSBuild worker nodes would outlive the test by minutes; each build here is a single command anyway.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
        // The test host's own MSBuild settings must not leak into the user-side builds.
        ["MSBuildSDKsPath"] = null,
        ["MSBuildExtensionsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["DOTNET_HOST_PATH"] = null,
        // A user's builds use the compiler server (the SDK's default), whatever the test host's environment says.
        ["UseSharedCompilation"] = null,
    };
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packages";
}
