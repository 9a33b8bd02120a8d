namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>The AWS services whose events <c>MapEvent</c> delivers to the app.</summary>
public enum EventSourceKind
{
    /// <summary>S3 event notifications (asynchronous; one object event per record).</summary>
    S3,

    /// <summary>SNS topic subscriptions (asynchronous; one message per invocation).</summary>
    Sns,

    /// <summary>An SQS queue other than the task queue (batches; failed messages are reported one by one).</summary>
    Sqs,

    /// <summary>DynamoDB Streams (ordered batches per shard; processing stops at the first failed record).</summary>
    DynamoDbStream,

    /// <summary>Kinesis data streams (ordered batches per shard; processing stops at the first failed record).</summary>
    Kinesis,

    /// <summary>EventBridge rules on the default or a custom bus (asynchronous; one event per invocation).</summary>
    EventBridge,
}
