using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// Where a source is wired: the scope for its resources, a unique id, the function with its timeout, and the app's
/// customer-managed key (null for AWS-managed encryption), which encrypts the failure queues created here.
/// </summary>
internal sealed record EventSourceTarget(Construct Scope, string Id, FunctionParts Function, IKey? Key)
{
    /// <summary>A failure or dead-letter queue for this source, as every dead-letter queue of the app.</summary>
    public Amazon.CDK.AWS.SQS.Queue FailureQueue(string suffix) => EventSourceDefaults.FailureQueue(Scope, Id + suffix, Key);
}

/// <summary>A wired source: the ARN its records carry, and the resource it created for the records (if any).</summary>
internal sealed record BoundEventSource(string Name, string SourceArn, IConstruct? Resource);
