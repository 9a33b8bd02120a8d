using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Queues;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// Where a source is wired: the scope for its resources, a unique id, the function with its timeout, and the app's
/// customer-managed key (null for AWS-managed encryption), which encrypts the failure queues created here.
/// </summary>
internal sealed record EventSourceTarget(Construct Scope, string Id, FunctionParts Function, IKey? Key)
{
    /// <summary>
    /// A failure or dead-letter queue for this source, as every dead-letter queue of the app: encrypted (SSE-SQS, or
    /// the app's key), TLS only, messages kept 14 days. Pay per use.
    /// </summary>
    public Queue FailureQueue(string suffix) => new(Scope, Id + suffix, SecureQueueDefaults.DeadLetterQueue(Key));
}

/// <summary>A wired source: the ARN its records carry, and the resource it created for the records (if any).</summary>
internal sealed record BoundEventSource(string Name, string SourceArn, IConstruct? Resource);
