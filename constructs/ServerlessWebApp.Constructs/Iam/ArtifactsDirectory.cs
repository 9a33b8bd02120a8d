using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Where synthesis-time reports (<c>artifacts/...</c>) are written: the directory named by the context key
/// <see cref="ContextKey"/> if set; otherwise the nearest directory holding <c>cdk.json</c> at or above the working
/// directory (the CDK CLI runs the app from there, so it is the CDK app's root); otherwise the working directory.
/// </summary>
internal static class ArtifactsDirectory
{
    /// <summary>CDK context key that overrides the base directory (absolute, or relative to the working directory).</summary>
    public const string ContextKey = "serverlesswebapp:artifactsDirectory";

    public static string BaseFor(IConstruct scope)
    {
        if (scope.Node.TryGetContext(ContextKey) is string configured && configured.Length > 0)
            return Path.GetFullPath(configured);

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cdk.json"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
