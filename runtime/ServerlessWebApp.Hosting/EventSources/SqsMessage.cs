using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.WebApp.Hosting.EventSources.Dispatch;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>One message of an SQS batch from a mapped queue (the task queue's messages go to tasks instead).</summary>
public sealed class SqsMessage : IEventSourceRecord<SqsMessage>
{
    static EventSourceKind IEventSourceRecord<SqsMessage>.Kind => EventSourceKind.Sqs;

    static JsonTypeInfo<SqsMessage> IEventSourceRecord<SqsMessage>.JsonTypeInfo => EventSourceJsonContext.Default.SqsMessage;

    [JsonPropertyName("messageId")] public string MessageId { get; init; } = "";

    [JsonPropertyName("receiptHandle")] public string? ReceiptHandle { get; init; }

    /// <summary>The message body as sent.</summary>
    [JsonPropertyName("body")] public string Body { get; init; } = "";

    /// <summary>System attributes such as <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>MessageGroupId</c>.</summary>
    [JsonPropertyName("attributes")] public Dictionary<string, string>? Attributes { get; init; }

    [JsonPropertyName("messageAttributes")] public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; init; }

    [JsonPropertyName("md5OfBody")] public string? Md5OfBody { get; init; }

    [JsonPropertyName("md5OfMessageAttributes")] public string? Md5OfMessageAttributes { get; init; }

    [JsonPropertyName("eventSource")] public string? EventSource { get; init; }

    [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; init; } = "";

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; init; }
}
