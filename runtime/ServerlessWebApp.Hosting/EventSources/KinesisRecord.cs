using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One record of a Kinesis data stream batch.</summary>
public sealed class KinesisRecord : IEventSourceRecord<KinesisRecord>
{
    static EventSourceKind IEventSourceRecord<KinesisRecord>.Kind => EventSourceKind.Kinesis;

    static JsonTypeInfo<KinesisRecord> IEventSourceRecord<KinesisRecord>.JsonTypeInfo => EventSourceJsonContext.Default.KinesisRecord;

    /// <summary><c>shardId-…:sequenceNumber</c>.</summary>
    [JsonPropertyName("eventID")] public string EventId { get; init; } = "";

    [JsonPropertyName("eventName")] public string? EventName { get; init; }

    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }

    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";

    [JsonPropertyName("invokeIdentityArn")] public string? InvokeIdentityArn { get; init; }

    [JsonPropertyName("kinesis")] public KinesisData Kinesis { get; init; } = new();
}
