using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>Kinesis data streams: routed by the stream's ARN; a failed record is reported by its <c>kinesis.sequenceNumber</c>.</summary>
internal sealed class KinesisEventSourceAdapter : IEventSourceAdapter
{
    public EventSourceKind Kind => EventSourceKind.Kinesis;

    public int Order => 14;

    public EventSourceDelivery Delivery => EventSourceDelivery.OrderedBatch;

    public bool CanHandle(JsonElement lambdaEvent) => EventRecords.FirstRecordIsFrom(lambdaEvent, "eventSource"u8, "aws:kinesis"u8);

    public IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent) => EventRecords.All(lambdaEvent);

    public string? SourceArn(JsonElement lambdaEvent, JsonElement record) => EventRecords.StringAt(record, "eventSourceARN");

    public string? RecordId(JsonElement record) => EventRecords.StringAt(record, "kinesis", "sequenceNumber");
}
