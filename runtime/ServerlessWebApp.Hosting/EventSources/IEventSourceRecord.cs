using System.Text.Json.Serialization.Metadata;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>
/// A record type <c>MapEvent</c> can deliver: it names its source and carries source-generated JSON metadata, so
/// records deserialise without reflection (Native AOT). The library's own types (<see cref="S3ObjectEvent"/>,
/// <see cref="SnsNotification"/>, <see cref="SqsMessage"/>, <see cref="DynamoDbStreamRecord"/>,
/// <see cref="KinesisRecord"/>, <see cref="EventBridgeEvent"/>) implement it; an app may implement it too, for
/// example for an EventBridge event with a typed <c>detail</c> from its own <c>JsonSerializerContext</c>.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IEventSourceRecord<TSelf> where TSelf : class, IEventSourceRecord<TSelf>
{
    /// <summary>The service whose records this type describes.</summary>
    static abstract EventSourceKind Kind { get; }

    /// <summary>Source-generated JSON metadata for one record.</summary>
    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }
}
