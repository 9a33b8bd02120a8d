using Serverless.WebApp.TestSupport;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>An app the publish-mode benchmark starts, and the GET its cold start answers.</summary>
internal sealed record BenchmarkApp(string Name, string Project, string Path)
{
    /// <summary>The minimal-API sample (trim- and AOT-safe): <c>GET /compute-dna/</c>.</summary>
    public static BenchmarkApp Foundry { get; } = new("FoundryService (minimal APIs)", SamplePublisher.FoundryServiceProject, AppLauncher.Path);

    /// <summary>A conventional MVC-controller app with 31 endpoints (<c>bench/MvcCatalog</c>): <c>GET /api/products/7</c>.</summary>
    public static BenchmarkApp MvcCatalog { get; } = new(
        "MvcCatalog (31 MVC controller endpoints)", System.IO.Path.Combine(RepositoryPaths.Root, "bench", "MvcCatalog", "MvcCatalog.csproj"), "/api/products/7");

    public string Event { get; } = SampleEvents.HttpApiV2("GET", Path);
}
