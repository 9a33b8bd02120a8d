using Serverless.WebApp.Constructs.Assets;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Functions;

/// <summary>
/// Builds the worker function when the app needs one (<see cref="WorkerDefaults.IsNeeded"/>): the same code as the web
/// function off the request path, with its own timeout, memory and role. It runs the same app, so it reads the static
/// files and works on uploads as the web function does.
/// </summary>
internal static class WorkerBuilder
{
    public static FunctionParts? Build(ServerlessWebApp app, ServerlessWebAppProps props, AssetsParts assets)
    {
        if (!WorkerDefaults.IsNeeded(props)) return null;
        var worker = app.AddFunction("Worker", SwaEnvironment.WorkerRole, WorkerDefaults.Role(props), WorkerDefaults.Timeout(props),
            WorkerDefaults.MemorySize(props), SharedBucketEnvironment(assets));
        ShareBuckets(worker, assets);
        return worker;
    }

    private static void ShareBuckets(FunctionParts worker, AssetsParts assets)
    {
        if (assets.StaticAssetsBucket is { } staticBucket) worker.Identity.Grant(FunctionPermissions.ReadObjects(staticBucket));
        if (assets.UploadsBucket is { } uploads) worker.Identity.Grant(FunctionPermissions.ReadWriteObjects(uploads));
    }

    /// <summary>The bucket names the worker gets at creation, as the web function does.</summary>
    private static Dictionary<string, string> SharedBucketEnvironment(AssetsParts assets)
    {
        var environment = new Dictionary<string, string>();
        if (assets.StaticAssetsBucket is { } staticBucket) environment[SwaEnvironment.StaticBucket] = staticBucket.BucketName;
        if (assets.UploadsBucket is { } uploads) environment[SwaEnvironment.UploadsBucket] = uploads.BucketName;
        return environment;
    }
}
