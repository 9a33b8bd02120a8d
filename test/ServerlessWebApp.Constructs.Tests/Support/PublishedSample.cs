using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>
/// The one real <c>dotnet publish</c> of samples/FoundryService in this test run, into a cloud-assembly folder that
/// later synths reuse (so they prove the publish is skipped and cost nothing).
/// </summary>
internal sealed class PublishedSample
{
    private static readonly Lazy<PublishedSample> Shared = new(() => new PublishedSample(), LazyThreadSafetyMode.ExecutionAndPublication);

    private PublishedSample()
    {
        Outdir = TestFolders.NewDirectory("bundled");
        (Template, Construct) = Synth();
        AssetHash = AssetHashOf(Template);
    }

    public static PublishedSample Instance => Shared.Value;

    public static string ProjectPath => Path.Combine(RepositoryPaths.Root, "samples", "FoundryService", "FoundryService.csproj");

    public string Outdir { get; }

    public Template Template { get; }

    public ServerlessWebApp Construct { get; }

    public string AssetHash { get; }

    public string AssetDirectory => Path.Combine(Outdir, "asset." + AssetHash);

    /// <summary>Synthesizes a stack with the sample project as code, into the shared cloud-assembly folder.</summary>
    public (Template Template, ServerlessWebApp Construct) Synth()
    {
        var app = new Amazon.CDK.App(new AppProps { Outdir = Outdir });
        var stack = new Stack(app, "Bundled");
        var construct = new ServerlessWebApp(stack, "Foundry", new ServerlessWebAppProps { ProjectPath = ProjectPath, PublicAccess = true });
        return (Template.FromStack(stack), construct);
    }

    public static string AssetHashOf(Template template)
    {
        var function = TestStacks.WebFunctionProperties(template);
        var code = (IDictionary<string, object>)function["Code"];
        var key = (string)code["S3Key"];
        return key[..^".zip".Length];
    }
}
