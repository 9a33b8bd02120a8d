using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One message of an SQS batch from a mapped queue (the task queue's messages go to tasks instead).</summary>
public sealed class SqsMessage : IEventSourceRecord<SqsMessage>
{
    static EventSourceKind IEventSourceRecord<SqsMessage>.Kind => EventSourceKind.Sqs;

    static JsonTypeInfo<SqsMessage> IEventSourceRecord<SqsMessage>.JsonTypeInfo => EventSourceJsonContext.Default.SqsMessage;

    /// <summary>The id SQS assigned to the message; report it back for a failed message in a partial batch response.</summary>
    [JsonPropertyName("messageId")] public string MessageId { get; init; } = "";

    /// <summary>The handle of this receipt of the message (needed to delete it or change its visibility).</summary>
    [JsonPropertyName("receiptHandle")] public string? ReceiptHandle { get; init; }

    /// <summary>The message body as sent.</summary>
    [JsonPropertyName("body")] public string Body { get; init; } = "";

    /// <summary>System attributes such as <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>MessageGroupId</c>.</summary>
    [JsonPropertyName("attributes")] public Dictionary<string, string>? Attributes { get; init; }

    /// <summary>The message attributes the sender set, by name.</summary>
    [JsonPropertyName("messageAttributes")] public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; init; }

    /// <summary>MD5 digest of the message body.</summary>
    [JsonPropertyName("md5OfBody")] public string? Md5OfBody { get; init; }

    /// <summary>MD5 digest of the message attributes; null when there are none.</summary>
    [JsonPropertyName("md5OfMessageAttributes")] public string? Md5OfMessageAttributes { get; init; }

    /// <summary>Always <c>aws:sqs</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    /// <summary>The ARN of the queue the message came from.</summary>
    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";

    /// <summary>The region of the queue.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }
}
