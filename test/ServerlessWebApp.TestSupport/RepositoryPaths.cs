namespace Serverless.WebApp.TestSupport;

/// <summary>Finds the repository root (the folder holding ServerlessWebApp.sln) and the shared fixtures beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/fixtures/lambda-events</c> from the repository root, as CI lays it out.</summary>
    public static string LambdaEvents => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "lambda-events"));

    public static string LambdaEvent(string fileName) => Path.Combine(LambdaEvents, fileName);

    /// <summary>A recorded event-source payload in <c>test/fixtures/event-sources/</c>, e.g. <c>s3/object-created-put.json</c>.</summary>
    public static string EventSourceFixture(string relativePath) =>
        Path.Combine(Root, "test", "fixtures", "event-sources", relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessWebApp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ServerlessWebApp.sln above {AppContext.BaseDirectory}.");
    }
}
