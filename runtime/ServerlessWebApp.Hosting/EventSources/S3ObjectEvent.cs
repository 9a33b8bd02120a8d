using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One record of an S3 event notification: what happened to which object in which bucket.</summary>
public sealed class S3ObjectEvent : IEventSourceRecord<S3ObjectEvent>
{
    static EventSourceKind IEventSourceRecord<S3ObjectEvent>.Kind => EventSourceKind.S3;

    static JsonTypeInfo<S3ObjectEvent> IEventSourceRecord<S3ObjectEvent>.JsonTypeInfo => EventSourceJsonContext.Default.S3ObjectEvent;

    /// <summary>The version of the S3 event format, e.g. <c>2.1</c>.</summary>
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; init; }

    /// <summary>Always <c>aws:s3</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    /// <summary>The region of the bucket.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }

    /// <summary>When S3 finished processing the request.</summary>
    [JsonPropertyName("eventTime")] public DateTimeOffset EventTime { get; init; }

    /// <summary>The event type without the <c>s3:</c> prefix, e.g. <c>ObjectCreated:Put</c>.</summary>
    [JsonPropertyName("eventName")] public string EventName { get; init; } = "";

    /// <summary>The principal whose request caused the event.</summary>
    [JsonPropertyName("userIdentity")] public S3Identity? UserIdentity { get; init; }

    /// <summary>Request parameters S3 reports, e.g. <c>sourceIPAddress</c>.</summary>
    [JsonPropertyName("requestParameters")] public Dictionary<string, string>? RequestParameters { get; init; }

    /// <summary>Response elements S3 reports: <c>x-amz-request-id</c> and <c>x-amz-id-2</c>.</summary>
    [JsonPropertyName("responseElements")] public Dictionary<string, string>? ResponseElements { get; init; }

    /// <summary>The bucket and object the event is about.</summary>
    [JsonPropertyName("s3")] public S3Entity S3 { get; init; } = new();
}
