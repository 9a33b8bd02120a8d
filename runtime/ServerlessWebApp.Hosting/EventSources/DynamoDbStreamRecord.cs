using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One record of a DynamoDB stream: an item inserted, modified or removed.</summary>
public sealed class DynamoDbStreamRecord : IEventSourceRecord<DynamoDbStreamRecord>
{
    static EventSourceKind IEventSourceRecord<DynamoDbStreamRecord>.Kind => EventSourceKind.DynamoDbStream;

    static JsonTypeInfo<DynamoDbStreamRecord> IEventSourceRecord<DynamoDbStreamRecord>.JsonTypeInfo => EventSourceJsonContext.Default.DynamoDbStreamRecord;

    /// <summary>A unique id for this stream record.</summary>
    [JsonPropertyName("eventID")] public string EventId { get; init; } = "";

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")] public string EventName { get; init; } = "";

    /// <summary>The version of the stream record format.</summary>
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }

    /// <summary>Always <c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    /// <summary>The region of the table.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";

    /// <summary>Set for items the table's time to live removed (<c>Service</c>, <c>dynamodb.amazonaws.com</c>).</summary>
    [JsonPropertyName("userIdentity")] public DynamoDbStreamIdentity? UserIdentity { get; init; }

    /// <summary>The change itself: keys, images, sequence number and size.</summary>
    [JsonPropertyName("dynamodb")] public DynamoDbStreamChange DynamoDb { get; init; } = new();
}
