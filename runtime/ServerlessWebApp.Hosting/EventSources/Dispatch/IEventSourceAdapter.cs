using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>
/// Reads one source's event shape: which events are its own, their records, the ARN a record came from and its id.
/// The shared work (routing, a scope per record, failures, the response) lives in <see cref="EventSourceInvocationHandler{TAdapter}"/>.
/// </summary>
internal interface IEventSourceAdapter
{
    EventSourceKind Kind { get; }

    /// <summary>Position among the <c>ILambdaEventHandler</c>s: 11–16, before the task queue's SQS handler (20).</summary>
    int Order { get; }

    EventSourceDelivery Delivery { get; }

    /// <summary>Cheap shape check; never throws.</summary>
    bool CanHandle(JsonElement lambdaEvent);

    /// <summary>The records to run, in the order the source sent them.</summary>
    IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent);

    /// <summary>The ARN <paramref name="record"/> came from (bucket, topic, queue, stream, rule); null when absent.</summary>
    string? SourceArn(JsonElement lambdaEvent, JsonElement record);

    /// <summary>The record's id; for batch sources, the <c>itemIdentifier</c> reported for a failed record.</summary>
    string? RecordId(JsonElement record);
}
