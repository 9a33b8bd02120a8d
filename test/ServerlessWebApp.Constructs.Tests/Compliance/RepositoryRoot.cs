namespace ServerlessWebApp.Constructs.Tests.Compliance;

/// <summary>The folder holding ServerlessWebApp.sln, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ServerlessWebApp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ServerlessWebApp.sln above {AppContext.BaseDirectory}.");
    }
}
