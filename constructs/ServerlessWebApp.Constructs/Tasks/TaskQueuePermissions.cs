using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Iam;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// The exact statements the web function and the worker need on the task resources: one list per role, used both to
/// grant a created role and to tell a platform team what to attach to a supplied one. No wildcard action.
/// </summary>
internal static class TaskQueuePermissions
{
    private static readonly string[] SendActions = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

    private static readonly string[] ConsumeActions =
        ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];

    // The web app records RECEIVED when it enqueues (and deletes that record, conditionally, if the send fails) and
    // serves GET /tasks/{id}; only the worker moves a task on.
    private static readonly string[] WebTableActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"];
    private static readonly string[] WorkerTableActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

    private static readonly string[] TableKeyActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"];

    /// <summary>Send tasks, create and read their status, upload large payloads.</summary>
    public static List<PolicyStatement> Web(TaskQueueArns arns)
    {
        var statements = new List<PolicyStatement> { Allow(SendActions, arns.Queue) };
        if (arns.QueueKey is not null) statements.Add(Allow(["kms:GenerateDataKey", "kms:Decrypt"], arns.QueueKey));
        AddTable(statements, arns, WebTableActions);
        AddObjects(statements, arns, "s3:PutObject", "kms:GenerateDataKey");
        return statements;
    }

    /// <summary>Consume tasks, record their progress, download large payloads.</summary>
    public static List<PolicyStatement> Worker(TaskQueueArns arns)
    {
        var statements = new List<PolicyStatement> { Allow(ConsumeActions, arns.Queue) };
        if (arns.QueueKey is not null) statements.Add(Allow(["kms:Decrypt"], arns.QueueKey));
        AddTable(statements, arns, WorkerTableActions);
        AddObjects(statements, arns, "s3:GetObject", "kms:Decrypt");
        return statements;
    }

    private static void AddTable(List<PolicyStatement> statements, TaskQueueArns arns, string[] actions)
    {
        if (arns.Table is null) return;
        statements.Add(Allow(actions, arns.Table));
        if (arns.TableKey is not null) statements.Add(Allow(TableKeyActions, arns.TableKey));
    }

    private static void AddObjects(List<PolicyStatement> statements, TaskQueueArns arns, string objectAction, string keyAction)
    {
        if (arns.PayloadObjects is null) return;
        statements.Add(Allow([objectAction], arns.PayloadObjects));
        if (arns.PayloadKey is not null) statements.Add(Allow([keyAction], arns.PayloadKey));
    }

    private static PolicyStatement Allow(string[] actions, string resource) => Statements.Allow(actions, resource);
}
