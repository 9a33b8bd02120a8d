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

    /// <summary>Always <c>aws:kinesis:record</c>.</summary>
    [JsonPropertyName("eventName")] public string? EventName { get; init; }

    /// <summary>The version of the Lambda event format, e.g. <c>1.0</c>.</summary>
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }

    /// <summary>Always <c>aws:kinesis</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    /// <summary>The region of the stream.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";

    /// <summary>The ARN of the role Lambda used to read the stream (the function's execution role).</summary>
    [JsonPropertyName("invokeIdentityArn")] public string? InvokeIdentityArn { get; init; }

    /// <summary>The record itself: partition key, sequence number, data and arrival time.</summary>
    [JsonPropertyName("kinesis")] public KinesisData Kinesis { get; init; } = new();
}
