using Amazon.CDK;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>A project that does not reference ServerlessWebApp.Hosting would deploy and fail every invocation: synth warns and says what to add.</summary>
[Collection("cdk")]
public class HostingReferenceTests
{
    private const string WebSdk = "Microsoft.NET.Sdk.Web";

    private static string Project(string folder, string name, string items, string sdk = WebSdk)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"""<Project Sdk="{sdk}"><ItemGroup>{items}</ItemGroup></Project>""");
        return path;
    }

    private static bool ReferencesHosting(string project) => HostingReferenceCheck.ReferencesHosting(project, new HashSet<string>());

    [Fact]
    public void AProjectWithoutTheHostingReferenceIsAWarningThatSaysWhatToAdd()
    {
        // GIVEN an ASP.NET Core project that does not reference the hosting package (bundling skipped: nothing to publish)
        var project = Project(TestFolders.NewDirectory("no-hosting"), "Shop.csproj", "");
        var app = TestFolders.NewApp(new AppProps { Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() } });
        var stack = new Stack(app, "TestStack");

        // WHEN it is the construct's ProjectPath
        _ = new ServerlessWebApp(stack, "WebApp", new ServerlessWebAppProps { ProjectPath = project, PublicAccess = true });

        // THEN synth warns, with the id, naming the project and the command that fixes it, and no error
        var warning = Assert.Single(SynthMessages.Warnings(stack), w => w.Message.Contains(ServerlessWebAppWarnings.ProjectWithoutHosting, StringComparison.Ordinal));
        Assert.Equal("/TestStack/WebApp", warning.Path);
        Assert.Contains($"ProjectPath '{project}' does not reference ServerlessWebApp.Hosting", warning.Message);
        Assert.Contains($"dotnet add \"{project}\" package ServerlessWebApp.Hosting", warning.Message);
        Assert.Contains("builder.Services.AddServerlessWebApp()", warning.Message);
        Assert.Empty(SynthMessages.Errors(stack));
    }

    [Fact]
    public void APackageReferenceCounts() =>
        Assert.True(ReferencesHosting(Project(TestFolders.NewDirectory("package"), "Shop.csproj", """<PackageReference Include="ServerlessWebApp.Hosting" Version="1.0.0" />""")));

    [Fact]
    public void AProjectReferenceCounts() =>
        Assert.True(ReferencesHosting(Project(TestFolders.NewDirectory("project"), "Shop.csproj", """<ProjectReference Include="..\lib\ServerlessWebApp.Hosting\ServerlessWebApp.Hosting.csproj" />""")));

    [Fact]
    public void AReferenceInDirectoryBuildPropsCounts()
    {
        var root = TestFolders.NewDirectory("directory-build");
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), """<Project><ItemGroup><PackageReference Include="ServerlessWebApp.Hosting" /></ItemGroup></Project>""");
        Assert.True(ReferencesHosting(Project(Path.Combine(root, "src", "Shop"), "Shop.csproj", "")));
    }

    [Fact]
    public void AReferenceThroughAReferencedProjectCounts()
    {
        var root = TestFolders.NewDirectory("transitive");
        Project(Path.Combine(root, "Shop.Web"), "Shop.Web.csproj", """<PackageReference Include="ServerlessWebApp.Hosting" />""", "Microsoft.NET.Sdk");
        Assert.True(ReferencesHosting(Project(Path.Combine(root, "Shop"), "Shop.csproj", """<ProjectReference Include="../Shop.Web/Shop.Web.csproj" />""")));
    }

    [Fact]
    public void OtherReferencesDoNotCount()
    {
        var root = TestFolders.NewDirectory("other");
        Project(Path.Combine(root, "Shop.Data"), "Shop.Data.csproj", """<PackageReference Include="ServerlessWebApp.Constructs" />""", "Microsoft.NET.Sdk");
        Assert.False(ReferencesHosting(Project(Path.Combine(root, "Shop"), "Shop.csproj",
            """<PackageReference Include="ServerlessWebApp.Hosting.Extras" /><ProjectReference Include="../Shop.Data/Shop.Data.csproj" />""")));
    }

    [Fact]
    public void TheSampleReferencesHosting() => Assert.True(ReferencesHosting(PublishedSample.ProjectPath));
}
