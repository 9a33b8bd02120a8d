using Serverless.WebApp.Constructs;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Serverless.WebApp.CdkApp;

/// <summary>
/// The DynamoDB table the sample's <c>compute-dna</c> task stores results in (<c>Foundry:ResultsTable</c>): keyed by
/// <c>taskId</c>, on-demand ($0 at zero traffic), point-in-time recovery, encrypted with DynamoDB's AWS-managed KMS key
/// (no monthly charge), retained. The worker may only put results,
/// the web function may only read them.
/// </summary>
public static class FoundryResultsTable
{
    /// <summary>The sample's setting, as an environment variable.</summary>
    public const string EnvironmentVariable = "Foundry__ResultsTable";

    public static Table Create(Construct scope, string id) => new(scope, id, new TableProps
    {
        PartitionKey = new Attribute { Name = "taskId", Type = AttributeType.STRING },
        BillingMode = BillingMode.PAY_PER_REQUEST,
        PointInTimeRecovery = true,
        Encryption = TableEncryption.AWS_MANAGED,
        RemovalPolicy = RemovalPolicy.RETAIN,
    });

    public static void Grant(Table table, ServerlessWebApp app)
    {
        table.Grant(app.WorkerFunction ?? throw new InvalidOperationException("The sample stores results from its task worker: set Tasks."), "dynamodb:PutItem");
        table.Grant(app.Function, "dynamodb:GetItem");
    }
}
