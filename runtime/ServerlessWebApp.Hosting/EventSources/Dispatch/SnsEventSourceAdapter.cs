using System.Text.Json;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>SNS subscriptions: routed by the topic's ARN (<c>Sns.TopicArn</c>); a record's id is the message id.</summary>
internal sealed class SnsEventSourceAdapter : IEventSourceAdapter
{
    public EventSourceKind Kind => EventSourceKind.Sns;

    public int Order => 12;

    public EventSourceDelivery Delivery => EventSourceDelivery.Asynchronous;

    public bool CanHandle(JsonElement lambdaEvent) => EventRecords.FirstRecordIsFrom(lambdaEvent, "EventSource"u8, "aws:sns"u8);

    public IReadOnlyList<JsonElement> Records(JsonElement lambdaEvent) => EventRecords.All(lambdaEvent);

    public string? SourceArn(JsonElement lambdaEvent, JsonElement record) => EventRecords.StringAt(record, "Sns", "TopicArn");

    public string? RecordId(JsonElement record) => EventRecords.StringAt(record, "Sns", "MessageId");
}
