using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One record of an S3 event notification: what happened to which object in which bucket.</summary>
public sealed class S3ObjectEvent : IEventSourceRecord<S3ObjectEvent>
{
    static EventSourceKind IEventSourceRecord<S3ObjectEvent>.Kind => EventSourceKind.S3;

    static JsonTypeInfo<S3ObjectEvent> IEventSourceRecord<S3ObjectEvent>.JsonTypeInfo => EventSourceJsonContext.Default.S3ObjectEvent;

    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }

    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }

    /// <summary>When S3 finished processing the request.</summary>
    [JsonPropertyName("eventTime")] public DateTimeOffset EventTime { get; init; }

    /// <summary>The event type without the <c>s3:</c> prefix, e.g. <c>ObjectCreated:Put</c>.</summary>
    [JsonPropertyName("eventName")] public string EventName { get; init; } = "";

    [JsonPropertyName("userIdentity")] public S3Identity? UserIdentity { get; init; }

    /// <summary>Request parameters S3 reports, e.g. <c>sourceIPAddress</c>.</summary>
    [JsonPropertyName("requestParameters")] public Dictionary<string, string>? RequestParameters { get; init; }

    /// <summary>Response elements S3 reports: <c>x-amz-request-id</c> and <c>x-amz-id-2</c>.</summary>
    [JsonPropertyName("responseElements")] public Dictionary<string, string>? ResponseElements { get; init; }

    [JsonPropertyName("s3")] public S3Entity S3 { get; init; } = new();
}
