namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>
/// With every role supplied by the platform team, the task sub-constructs create no IAM role or policy and change no
/// resource policy to compensate; the statements those roles need are exposed instead.
/// </summary>
[Collection("cdk")]
public sealed class SuppliedRolesTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    private readonly TasksTemplates.Synthesized _given = templates.SuppliedRoles;

    [Fact]
    public void NoIamRoleOrPolicyIsCreated()
    {
        Assert.Empty(_given.Json.OfType("AWS::IAM::Role"));
        Assert.Empty(_given.Json.OfType("AWS::IAM::Policy"));
        Assert.Empty(_given.Json.OfType("AWS::IAM::ManagedPolicy"));
    }

    [Fact]
    public void KeyPolicyIsNotWidenedForTheSuppliedRoles()
    {
        var key = Assert.Single(_given.Json.OfType("AWS::KMS::Key")).Value;
        Assert.DoesNotContain("swa-", key.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray());
    }

    [Fact]
    public void RequiredStatementsAreExposedForEveryRole()
    {
        var stack = _given.Stack;
        string[] Actions(IEnumerable<Amazon.CDK.AWS.IAM.PolicyStatement> statements) =>
            statements.SelectMany(s => TemplateJson.Actions(TemplateJson.Render(stack, s))).Distinct().Order().ToArray();
        Assert.Equal(
            ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "s3:PutObject",
             "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"],
            Actions(_given.Queue!.WebStatements));
        Assert.Equal(
            ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
             "s3:GetObject", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl",
             "sqs:ReceiveMessage"],
            Actions(_given.Queue.WorkerStatements));
        Assert.Equal(["lambda:InvokeFunction", "sqs:SendMessage"], Actions(_given.Schedules!.RoleStatements));
    }

    [Fact]
    public void TriggersStillTargetTheAliases()
    {
        Assert.Single(_given.Json.OfType("AWS::Lambda::EventSourceMapping"));
        Assert.Equal(3, _given.Json.OfType("AWS::Scheduler::Schedule").Count);
        // keep-warm's permission is the function's resource policy, not an IAM role or policy
        Assert.Single(_given.Json.OfType("AWS::Lambda::Permission"));
    }
}
