using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.EventSources;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The AWS event sources of a <see cref="ServerlessWebApp"/> (<see cref="ServerlessWebAppProps.EventSources"/>), delivered
/// to the app's <c>app.MapEvent&lt;TEvent&gt;(name, handler)</c>: S3 buckets, SNS topics, SQS queues, DynamoDB table
/// streams, Kinesis streams and EventBridge patterns, each wired to the worker function (by default) or the web function
/// with least-privilege grants, partial batch responses and a failure queue where the source has one. The worker is the
/// task worker when <see cref="ServerlessWebAppProps.Tasks"/> is set, otherwise one created for the event sources with
/// the settings below. Every property is optional.
/// </summary>
public sealed class ServerlessWebAppEventSourcesProps
{
    /// <summary>
    /// The sources (<see cref="AppEventSource.FromBucket"/>, <see cref="AppEventSource.FromTopic"/>,
    /// <see cref="AppEventSource.FromQueue"/>, <see cref="AppEventSource.FromTableStream"/>,
    /// <see cref="AppEventSource.FromKinesisStream"/>, <see cref="AppEventSource.FromEventPattern"/>), names unique.
    /// The wiring adds no fixed cost; only the pollers of a queue source make billed SQS requests while idle (as for the
    /// task queue: about 650,000 a month per queue, inside SQS's free tier of 1 million for one app). Default: none.
    /// </summary>
    public IReadOnlyList<AppEventSource>? Sources { get; set; }

    /// <summary>
    /// Timeout of a worker created for the event sources, 1–900 s. Only without <see cref="ServerlessWebAppProps.Tasks"/>
    /// (the task worker's is <see cref="ServerlessWebAppTasksProps.WorkerTimeout"/>). A queue source's visibility timeout
    /// must be at least the timeout of the function it runs on. Default: 5 minutes.
    /// </summary>
    public Duration? WorkerTimeout { get; set; }

    /// <summary>
    /// Memory of a worker created for the event sources in MB, 128–10240. Only without
    /// <see cref="ServerlessWebAppProps.Tasks"/> (see <see cref="ServerlessWebAppTasksProps.WorkerMemorySize"/>).
    /// Default: the web function's <c>MemorySize</c>.
    /// </summary>
    public double? WorkerMemorySize { get; set; }

    /// <summary>
    /// Execution role of a worker created for the event sources, supplied by the platform team; required when the web
    /// function's <see cref="ServerlessWebAppProps.Role"/> is supplied and a source runs on the worker. Only without
    /// <see cref="ServerlessWebAppProps.Tasks"/> (see <see cref="ServerlessWebAppTasksProps.WorkerRole"/>). Never
    /// modified: the permissions it needs are written to the required-permissions report. Default: a least-privilege
    /// role created here.
    /// </summary>
    public IRole? WorkerRole { get; set; }
}
