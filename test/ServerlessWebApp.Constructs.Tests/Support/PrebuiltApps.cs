namespace Serverless.WebApp.Constructs.Tests.Support;

/// <summary>Minimal "published" app folders so unit tests exercise the prebuilt code source without running dotnet publish.</summary>
internal static class PrebuiltApps
{
    private static readonly string Root = TestFolders.NewDirectory("prebuilt");

    public static string FrameworkDependent { get; } = Create("fd", webRoot: false, bootstrap: false);

    public static string FrameworkDependentWithWebRoot { get; } = Create("fd-www", webRoot: true, bootstrap: false);

    public static string SelfContained { get; } = Create("sc", webRoot: false, bootstrap: true);

    private static string Create(string name, bool webRoot, bool bootstrap)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "FoundryService.runtimeconfig.json"), "{\"runtimeOptions\":{\"tfm\":\"net10.0\"}}");
        File.WriteAllBytes(Path.Combine(dir, "FoundryService.dll"), new byte[] { 0x4d, 0x5a });
        if (bootstrap) File.WriteAllText(Path.Combine(dir, "bootstrap"), "#!/bin/sh\n");
        if (webRoot)
        {
            Directory.CreateDirectory(Path.Combine(dir, "wwwroot"));
            File.WriteAllText(Path.Combine(dir, "wwwroot", "index.html"), "<h1>foundry</h1>");
        }
        return dir;
    }

    /// <summary>An empty folder (e.g. for a static-assets path).</summary>
    public static string EmptyFolder(string name)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "site.css"), "body{}");
        return dir;
    }
}
