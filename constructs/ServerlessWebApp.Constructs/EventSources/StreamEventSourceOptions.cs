using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// Options of a DynamoDB Streams or Kinesis event source (an event source mapping with partial batch responses). A
/// failing record is retried with the batch split in two, then its batch's details go to the on-failure queue, so a bad
/// record neither blocks its shard for long nor is lost.
/// </summary>
public sealed class StreamEventSourceOptions : EventSourceOptions
{
    /// <summary>Where a new mapping starts reading: <c>LATEST</c> or <c>TRIM_HORIZON</c>. Default: <c>StartingPosition.LATEST</c>.</summary>
    public StartingPosition? StartingPosition { get; set; }

    /// <summary>Records per batch, 1–10000. Default: 100.</summary>
    public int? BatchSize { get; set; }

    /// <summary>How long Lambda gathers records before invoking, whole seconds 0–300. Default: none.</summary>
    public Duration? MaxBatchingWindow { get; set; }

    /// <summary>Retries of a failing batch, 0–10000. Default: 3.</summary>
    public int? RetryAttempts { get; set; }

    /// <summary>Split a failing batch in two before retrying. Default: true.</summary>
    public bool? BisectBatchOnError { get; set; }

    /// <summary>Records older than this are not sent to the function but to the on-failure queue, 60 s–7 days. Default: no limit.</summary>
    public Duration? MaxRecordAge { get; set; }

    /// <summary>Batches processed per shard at once, 1–10. Default: 1.</summary>
    public int? ParallelizationFactor { get; set; }

    /// <summary>Where the details of batches that failed every retry go. Default: an encrypted, TLS-only queue created here (pay per use).</summary>
    public IQueue? OnFailureQueue { get; set; }

    /// <summary>Event filter patterns (<c>{"eventName": ["INSERT"]}</c>); only matching records are delivered. Default: none.</summary>
    public IDictionary<string, object>[]? Filters { get; set; }
}
