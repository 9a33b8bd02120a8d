using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>DynamoDB Streams: routed by the stream's ARN; a failed record is reported by its <c>dynamodb.SequenceNumber</c>.</summary>
internal sealed class DynamoDbStreamEventSourceAdapter : IEventSourceAdapter
{
    public EventSourceKind Kind => EventSourceKind.DynamoDbStream;

    public int Order => 13;

    public EventSourceDelivery Delivery => EventSourceDelivery.OrderedBatch;

    public bool CanHandle(JsonElement lambdaEvent) => EventRecords.FirstRecordIsFrom(lambdaEvent, "eventSource"u8, "aws:dynamodb"u8);

    public IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent) => EventRecords.All(lambdaEvent);

    public string? SourceArn(JsonElement lambdaEvent, JsonElement record) => EventRecords.StringAt(record, "eventSourceARN");

    public string? RecordId(JsonElement record) => EventRecords.StringAt(record, "dynamodb", "SequenceNumber");
}
