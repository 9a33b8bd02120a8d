using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>Source-generated JSON metadata for the record types, so records deserialise without reflection (Native AOT).</summary>
[JsonSerializable(typeof(S3ObjectEvent))]
[JsonSerializable(typeof(SnsNotification))]
[JsonSerializable(typeof(SqsMessage))]
[JsonSerializable(typeof(DynamoDbStreamRecord))]
[JsonSerializable(typeof(KinesisRecord))]
[JsonSerializable(typeof(EventBridgeEvent))]
internal sealed partial class EventSourceJsonContext : JsonSerializerContext;
