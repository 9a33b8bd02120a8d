using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>S3 event notifications: routed by the bucket's ARN (<c>s3.bucket.arn</c>); a record's id is its sequencer.</summary>
internal sealed class S3EventSourceAdapter : IEventSourceAdapter
{
    public EventSourceKind Kind => EventSourceKind.S3;

    public int Order => 11;

    public EventSourceDelivery Delivery => EventSourceDelivery.Asynchronous;

    public bool CanHandle(JsonElement lambdaEvent) => EventRecords.FirstRecordIsFrom(lambdaEvent, "eventSource"u8, "aws:s3"u8);

    public IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent) => EventRecords.All(lambdaEvent);

    public string? SourceArn(JsonElement lambdaEvent, JsonElement record) => EventRecords.StringAt(record, "s3", "bucket", "arn");

    public string? RecordId(JsonElement record) => EventRecords.StringAt(record, "s3", "object", "sequencer");
}
