namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>What an <see cref="EventSourceHandler{TEvent}"/> knows about the record it handles.</summary>
public sealed class EventSourceContext
{
    internal EventSourceContext(string name, EventSourceKind kind, string sourceArn, string? recordId, string requestId,
        DateTimeOffset deadline, IServiceProvider services)
    {
        Name = name;
        Kind = kind;
        SourceArn = sourceArn;
        RecordId = recordId;
        RequestId = requestId;
        Deadline = deadline;
        Services = services;
    }

    /// <summary>The name the record was routed to (the first argument of <c>MapEvent</c>).</summary>
    public string Name { get; }

    /// <summary>Which AWS service sent the record.</summary>
    public EventSourceKind Kind { get; }

    /// <summary>The ARN the record came from: bucket, topic, queue, stream or EventBridge rule.</summary>
    public string SourceArn { get; }

    /// <summary>
    /// The record's identity at its source: SQS message id, Kinesis or DynamoDB sequence number, SNS message id,
    /// EventBridge event id, S3 sequencer. Null when the source sent none.
    /// </summary>
    public string? RecordId { get; }

    /// <summary>The Lambda request id of the invocation that carried the record.</summary>
    public string RequestId { get; }

    /// <summary>When the invocation ends (Lambda's deadline).</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Services scoped to this record.</summary>
    public IServiceProvider Services { get; }
}
