using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>Pure defaults of <see cref="ServerlessWebAppTasksProps"/> (documented there).</summary>
internal static class ServerlessWebAppTasksDefaults
{
    /// <summary>One task per invocation: each task gets the whole worker timeout, and a timeout retries only that task.</summary>
    public const int BatchSize = 1;

    public static Duration WorkerTimeout(ServerlessWebAppTasksProps tasks) => tasks.WorkerTimeout ?? Functions.WorkerDefaults.DefaultTimeout();
}
