using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// The wired event sources: the worker they run on (the task worker, or one created for them), and per name the
/// mapping, subscription or rule created (none for a bucket, whose notification lives on the bucket).
/// </summary>
internal sealed record EventSourcesParts(FunctionParts? Worker, IReadOnlyDictionary<string, IConstruct> Resources,
    IReadOnlyList<Amazon.CDK.AWS.SQS.Queue> FailureQueues, bool HasBucketSource)
{
    public static EventSourcesParts None(FunctionParts? worker) => new(worker, new Dictionary<string, IConstruct>(), [], false);
}
