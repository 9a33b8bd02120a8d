using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>The statements a function needs for its event source mappings: explicit actions on the source's ARN only.</summary>
internal static class EventSourcePermissions
{
    /// <summary>What Lambda's poller needs to read an SQS queue and delete processed messages.</summary>
    public static PolicyStatement[] ConsumeQueue(string queueArn, IKey? key) => WithKey(Statement(queueArn,
        "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"), key, "kms:Decrypt");

    /// <summary>What Lambda's poller needs to read a DynamoDB stream (ListStreams is account-wide: it takes no resource).</summary>
    public static PolicyStatement[] ReadTableStream(string streamArn, IKey? key) => WithKey(
        [Statement(streamArn, "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"), Statement("*", "dynamodb:ListStreams")],
        key, "kms:Decrypt");

    /// <summary>What Lambda's poller needs to read a Kinesis data stream with a standard iterator or enhanced fan-out.</summary>
    public static PolicyStatement[] ReadKinesisStream(string streamArn, IKey? key) => WithKey(Statement(streamArn,
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
        "kinesis:ListShards", "kinesis:SubscribeToShard"), key, "kms:Decrypt");

    /// <summary>What Lambda needs to send a failed batch's details to the on-failure queue.</summary>
    public static PolicyStatement[] SendToFailureQueue(string queueArn, IKey? key) =>
        WithKey(Statement(queueArn, "sqs:SendMessage"), key, "kms:Decrypt", "kms:GenerateDataKey");

    private static PolicyStatement Statement(string resource, params string[] actions) =>
        new(new PolicyStatementProps { Actions = actions, Resources = [resource] });

    private static PolicyStatement[] WithKey(PolicyStatement statement, IKey? key, params string[] keyActions) =>
        WithKey([statement], key, keyActions);

    private static PolicyStatement[] WithKey(PolicyStatement[] statements, IKey? key, params string[] keyActions) =>
        key is null ? statements : [.. statements, Statement(key.KeyArn, keyActions)];
}
