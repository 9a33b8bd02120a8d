using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// The resources the task permissions name, each read once (a jsii round trip apiece) for both roles' statements.
/// Null where the resource or its customer-managed key does not exist.
/// </summary>
internal sealed record TaskQueueArns(
    string Queue, string? QueueKey, string? Table, string? TableKey, string? PayloadObjects, string? PayloadKey)
{
    public static TaskQueueArns Of(Queue queue, Table? table, Bucket? payloads) => new(
        queue.QueueArn,
        queue.EncryptionMasterKey?.KeyArn,
        table?.TableArn,
        table?.EncryptionKey?.KeyArn,
        payloads?.ArnForObjects("*"),
        payloads?.EncryptionKey?.KeyArn);
}
