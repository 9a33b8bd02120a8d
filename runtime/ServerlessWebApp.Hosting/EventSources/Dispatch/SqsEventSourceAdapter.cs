using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>
/// SQS queues mapped as event sources: routed by the queue's ARN; a failed message is reported by its <c>messageId</c>.
/// Only queues registered in <c>SWA_EVENT_SOURCES</c> are claimed, so the task queue's batches still reach the task worker.
/// </summary>
internal sealed class SqsEventSourceAdapter : IEventSourceAdapter
{
    public EventSourceKind Kind => EventSourceKind.Sqs;

    public int Order => 15;

    public EventSourceDelivery Delivery => EventSourceDelivery.Batch;

    public bool CanHandle(JsonElement lambdaEvent) => EventRecords.FirstRecordIsFrom(lambdaEvent, "eventSource"u8, "aws:sqs"u8);

    public IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent) => EventRecords.All(lambdaEvent);

    public string? SourceArn(JsonElement lambdaEvent, JsonElement record) => EventRecords.StringAt(record, "eventSourceARN");

    public string? RecordId(JsonElement record) => EventRecords.StringAt(record, "messageId");
}
