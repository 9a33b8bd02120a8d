namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Task settings. The AWS names are bound from the environment the construct sets (<c>SWA_TASK_QUEUE_URL</c>,
/// <c>SWA_TASK_STATUS_TABLE</c>, <c>SWA_TASK_PAYLOAD_BUCKET</c>); the local ones apply off Lambda.
/// </summary>
public sealed class ServerlessWebAppTaskOptions
{
    /// <summary>True inside Lambda (<c>AWS_LAMBDA_RUNTIME_API</c> is set): tasks go to SQS. Default: from the environment.</summary>
    public bool RunsOnLambda { get; set; }

    /// <summary>
    /// <c>web</c> or <c>worker</c>. Default: <c>SWA_FUNCTION_ROLE</c>. A web function hands scheduled tasks to the queue
    /// (the worker has the long timeout); any other function runs them in place.
    /// </summary>
    public string? FunctionRole { get; set; }

    /// <summary>URL of the SQS task queue. Default: <c>SWA_TASK_QUEUE_URL</c>.</summary>
    public string? QueueUrl { get; set; }

    /// <summary>DynamoDB status table name. Default: <c>SWA_TASK_STATUS_TABLE</c>; none means status is not tracked on Lambda.</summary>
    public string? StatusTable { get; set; }

    /// <summary>Bucket for payloads larger than <see cref="MaxMessageBytes"/>. Default: <c>SWA_TASK_PAYLOAD_BUCKET</c>; none means such payloads are refused.</summary>
    public string? PayloadBucket { get; set; }

    /// <summary>Largest SQS message body sent inline. Default: 262,144 bytes (256 KiB, the SQS limit).</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>How long a status record is kept after its last change. Default: 14 days.</summary>
    public TimeSpan StatusTimeToLive { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long before the invocation deadline a running task is cancelled. Default: 2 seconds.</summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The local queue's SQLite file (a relative path is relative to the content root). Default: <c>tasks.db</c> in a
    /// folder per user and app outside the project:
    /// <c>&lt;local application data&gt;/ServerlessWebApp/&lt;application name&gt;-&lt;hash of the content root&gt;/</c>, i.e.
    /// <c>~/.local/share/…</c> on Linux (or <c>$XDG_DATA_HOME/…</c>), <c>~/Library/Application Support/…</c> on macOS,
    /// <c>%LOCALAPPDATA%\…</c> on Windows. Outside the project, so a local run never changes the deployment's asset hash.
    /// </summary>
    public string? LocalDatabasePath { get; set; }

    /// <summary>Deliveries of a local task before it is dead-lettered, like the SQS redrive policy. Default: 3.</summary>
    public int LocalMaxReceiveCount { get; set; } = 3;

    /// <summary>How long a failed local task waits before its next attempt. Default: 1 second.</summary>
    public TimeSpan LocalRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the local worker looks for due tasks when idle. Default: 1 second.</summary>
    public TimeSpan LocalPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Local tasks run at the same time. Default: 2.</summary>
    public int LocalConcurrency { get; set; } = 2;
}
