using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// One entry of <c>EventSources</c>: a name the app maps with <c>app.MapEvent&lt;TEvent&gt;(name, handler)</c>, an
/// existing source (bucket, topic, queue, table stream, Kinesis stream, or an EventBridge pattern) and its options. The
/// construct wires the source to the function's <c>live</c> alias with least-privilege grants and registers
/// name = source ARN in <c>SWA_EVENT_SOURCES</c>, by which the runtime routes each record.
/// </summary>
public abstract class AppEventSource
{
    private protected AppEventSource(string name, EventSourceOptions? options)
    {
        Name = name;
        Function = options?.Function ?? EventSourceFunction.Worker;
    }

    /// <summary>The name the app maps: 1–64 letters, digits, '.', '_' or '-', unique per app.</summary>
    public string Name { get; }

    /// <summary>The function that receives the records.</summary>
    public EventSourceFunction Function { get; }

    /// <summary>What the source is, for messages (<c>bucket</c>, <c>queue</c>, ...).</summary>
    internal abstract string Kind { get; }

    /// <summary>The record type the app maps this source with, for messages.</summary>
    internal abstract string RecordType { get; }

    /// <summary>Records this source's option errors, each naming <paramref name="property"/> (e.g. <c>EventSources.Sources[2]</c>).</summary>
    internal abstract void Check(Findings findings, string property);

    /// <summary>Wires the source to the function; returns the ARN its records carry.</summary>
    internal abstract BoundEventSource Bind(EventSourceTarget target);

    /// <summary>S3 event notifications from <paramref name="bucket"/> (mapped with <c>S3ObjectEvent</c>).</summary>
    public static AppEventSource FromBucket(string name, IBucket bucket, BucketEventSourceOptions? options = null) =>
        new BucketEventSource(name, bucket, options ?? new());

    /// <summary>Messages published to <paramref name="topic"/> (mapped with <c>SnsNotification</c>).</summary>
    public static AppEventSource FromTopic(string name, ITopic topic, TopicEventSourceOptions? options = null) =>
        new TopicEventSource(name, topic, options ?? new());

    /// <summary>Messages of <paramref name="queue"/>, which must not be the task queue (mapped with <c>SqsMessage</c>).</summary>
    public static AppEventSource FromQueue(string name, IQueue queue, QueueEventSourceOptions? options = null) =>
        new QueueEventSource(name, queue, options ?? new());

    /// <summary>The DynamoDB stream of <paramref name="table"/>, which must have one (mapped with <c>DynamoDbStreamRecord</c>).</summary>
    public static AppEventSource FromTableStream(string name, ITable table, StreamEventSourceOptions? options = null) =>
        new TableStreamEventSource(name, table, options ?? new());

    /// <summary>Records of the Kinesis data stream <paramref name="stream"/> (mapped with <c>KinesisRecord</c>).</summary>
    public static AppEventSource FromKinesisStream(string name, IStream stream, StreamEventSourceOptions? options = null) =>
        new KinesisEventSource(name, stream, options ?? new());

    /// <summary>Events matching <paramref name="pattern"/> on the default or a custom bus (mapped with <c>EventBridgeEvent</c>).</summary>
    public static AppEventSource FromEventPattern(string name, EventPattern pattern, EventPatternSourceOptions? options = null) =>
        new EventPatternSource(name, pattern, options ?? new());
}
