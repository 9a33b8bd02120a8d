using Serverless.WebApp.Constructs.Tests.Support;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using Serverless.WebApp.Constructs.Iam;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

[Collection("cdk")]
public class RequiredPermissionsRecorderTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("swa-iam-").FullName;

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private (Stack Stack, Construct Scope) NewStack()
    {
        var app = TestFolders.NewApp(new AppProps { Context = new Dictionary<string, object> { [ArtifactsDirectory.ContextKey] = _artifacts } });
        var stack = new Stack(app, "Shop");
        return (stack, new Construct(stack, "Web"));
    }

    private JsonElement ReadReport(string appName)
    {
        var path = Path.Combine(_artifacts, "artifacts", "iam", $"{appName}.required-permissions.json");
        Assert.True(File.Exists(path), $"expected the report at {path}");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    private static JsonElement[] StatementsOf(JsonElement report, string function) =>
        report.GetProperty("functions").EnumerateArray()
            .Single(f => f.GetProperty("function").GetString() == function)
            .GetProperty("statements").EnumerateArray().ToArray();

    private static string[] Actions(IEnumerable<JsonElement> statements) =>
        statements.SelectMany(s => s.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)).ToArray();

    private static string[] LogicalIds(IEnumerable<JsonElement> statements) =>
        statements.SelectMany(s => s.GetProperty("resourceLogicalIds").EnumerateArray().Select(a => a.GetString()!)).ToArray();

    private static string LogicalIdOf(Stack stack, IConstruct construct) =>
        stack.Resolve(((CfnElement)construct.Node.DefaultChild!).LogicalId).ToString()!;

    [Fact]
    public void GrantsToTheGranteeCreateNoIamResourcesAndAreWrittenToTheReport()
    {
        // GIVEN resources of the app and a recorder standing in for a supplied role
        var (stack, scope) = NewStack();
        var bucket = new Bucket(scope, "Assets");
        var queue = new Queue(scope, "Tasks");
        var table = new Table(scope, "Status", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } });
        var secret = new Secret(scope, "ApiKey");
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");

        // WHEN the construct's usual grants target the recorder
        bucket.GrantRead(recorder.Grantee);
        queue.GrantSendMessages(recorder.Grantee);
        table.GrantReadWriteData(recorder.Grantee);
        secret.GrantRead(recorder.Grantee);
        var template = Template.FromStack(stack);

        // THEN no IAM role or policy exists and the report lists each grant's actions on the construct's resources
        template.ResourceCountIs("AWS::IAM::Role", 0);
        template.ResourceCountIs("AWS::IAM::Policy", 0);
        template.ResourceCountIs("AWS::IAM::ManagedPolicy", 0);
        var report = ReadReport("shop");
        Assert.Equal("serverlesswebapp/required-permissions@1", report.GetProperty("format").GetString());
        var statements = StatementsOf(report, "web");
        Assert.Contains("sqs:SendMessage", Actions(statements));
        Assert.Contains("s3:GetObject*", Actions(statements));
        Assert.Contains("dynamodb:PutItem", Actions(statements));
        Assert.Contains("secretsmanager:GetSecretValue", Actions(statements));
        foreach (var resource in new IConstruct[] { bucket, queue, table, secret })
            Assert.Contains(LogicalIdOf(stack, resource), LogicalIds(statements));
        Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("effect").GetString()));
    }

    [Fact]
    public void ResourcesAreCloudFormationExpressionsOfTheConstructsOwnResources()
    {
        // GIVEN a queue granted to the recorder
        var (stack, scope) = NewStack();
        var queue = new Queue(scope, "Tasks");
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");
        queue.GrantSendMessages(recorder.Grantee);

        // WHEN the stack is synthesized
        Template.FromStack(stack);

        // THEN the statement's resource is the queue's Fn::GetAtt Arn, and the policy document is ready to attach
        var web = ReadReport("shop").GetProperty("functions")[0];
        var resource = web.GetProperty("statements")[0].GetProperty("resources")[0];
        Assert.Equal(LogicalIdOf(stack, queue), resource.GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal("Arn", resource.GetProperty("Fn::GetAtt")[1].GetString());
        Assert.Equal("2012-10-17", web.GetProperty("policyDocument").GetProperty("Version").GetString());
        Assert.Equal(1, web.GetProperty("policyDocument").GetProperty("Statement").GetArrayLength());
    }

    [Fact]
    public void StatementsAddedDirectlyAndByAspectsAndValidationsAfterConstructionAreRecorded()
    {
        // GIVEN a recorder, a statement added directly, a grant made by an aspect and one made by a validation
        var (stack, scope) = NewStack();
        var queue = new Queue(scope, "Tasks");
        var bucket = new Bucket(scope, "Uploads");
        var recorder = new RequiredPermissionsRecorder(scope, "WorkerPermissions", "worker", "shop");
        recorder.AddStatement(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resources = ["*"],
        }));
        Aspects.Of(stack).Add(new GrantOnVisit(queue, recorder));
        scope.Node.AddValidation(new GrantOnValidate(() => bucket.GrantPut(recorder.Grantee)));

        // WHEN the stack is synthesized
        var template = Template.FromStack(stack);

        // THEN all three are in the report, and still no IAM resource exists
        var actions = Actions(StatementsOf(ReadReport("shop"), "worker"));
        Assert.Contains("xray:PutTraceSegments", actions);
        Assert.Contains("sqs:ReceiveMessage", actions);
        Assert.Contains("s3:PutObject", actions);
        template.ResourceCountIs("AWS::IAM::Policy", 0);
    }

    [Fact]
    public void RecordersOfOneAppShareOneReportWithOneEntryPerFunction()
    {
        // GIVEN a web and a worker recorder of the same app
        var (stack, scope) = NewStack();
        var queue = new Queue(scope, "Tasks");
        var web = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");
        var worker = new RequiredPermissionsRecorder(scope, "WorkerPermissions", "worker", "shop");
        queue.GrantSendMessages(web.Grantee);
        queue.GrantConsumeMessages(worker.Grantee);

        // WHEN synthesized
        var template = Template.FromStack(stack);

        // THEN one file lists both functions with their own actions, and there is one pair of outputs
        var report = ReadReport("shop");
        Assert.Equal(["web", "worker"], report.GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("function").GetString()));
        Assert.DoesNotContain("sqs:ReceiveMessage", Actions(StatementsOf(report, "web")));
        Assert.Contains("sqs:ReceiveMessage", Actions(StatementsOf(report, "worker")));
        Assert.Equal(2, template.FindOutputs("*").Count);
    }

    [Fact]
    public void OutputsPointAtTheFileAndCarryTheStatementsWithDeployedArns()
    {
        // GIVEN a grant to the recorder
        var (stack, scope) = NewStack();
        var queue = new Queue(scope, "Tasks");
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");
        queue.GrantSendMessages(recorder.Grantee);

        // WHEN synthesized
        var outputs = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindOutputs("*"));

        // THEN one output names the file and one joins the statements JSON with the queue's ARN
        var values = outputs.EnumerateObject().Select(o => o.Value.GetProperty("Value")).ToArray();
        Assert.Contains(values, v => v.ValueKind == JsonValueKind.String && v.GetString() == "artifacts/iam/shop.required-permissions.json");
        var joined = values.Single(v => v.ValueKind == JsonValueKind.Object).GetRawText();
        Assert.Contains("Fn::Join", joined);
        Assert.Contains(LogicalIdOf(stack, queue), joined);
        Assert.Contains("sqs:SendMessage", joined);
    }

    [Fact]
    public void StatementsTooLargeForAnOutputArePointedAtTheFile()
    {
        // GIVEN more grants than fit in a 4 KB output
        var (stack, scope) = NewStack();
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");
        for (var i = 0; i < 30; i++) new Queue(scope, $"Queue{i}").GrantSendMessages(recorder.Grantee);

        // WHEN synthesized
        var outputs = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindOutputs("*"));

        // THEN the statements output is a pointer to the file, and the file has all 30 statements
        var values = outputs.EnumerateObject().Select(o => o.Value.GetProperty("Value").ToString()).ToArray();
        Assert.Contains(values, v => v.StartsWith("Too large for a stack output", StringComparison.Ordinal) && v.Contains("shop.required-permissions.json"));
        Assert.Equal(30, StatementsOf(ReadReport("shop"), "web").Length);
    }

    [Fact]
    public void KeyGrantsOfAnEncryptedQueueAreRecordedWithoutTouchingTheKeyPolicy()
    {
        // GIVEN a queue encrypted with a customer-managed key
        var (stack, scope) = NewStack();
        var queue = new Queue(scope, "Tasks", new QueueProps { Encryption = QueueEncryption.KMS });
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");

        // WHEN the recorder is granted send access
        queue.GrantSendMessages(recorder.Grantee);
        var template = Template.FromStack(stack);

        // THEN the key actions are recorded for the function and the key policy names no function principal
        Assert.Contains("kms:GenerateDataKey*", Actions(StatementsOf(ReadReport("shop"), "web")));
        template.ResourceCountIs("AWS::IAM::Policy", 0);
        var keyPolicy = JsonSerializer.Serialize(template.FindResources("AWS::KMS::Key"));
        Assert.DoesNotContain("kms:GenerateDataKey", keyPolicy);
    }

    [Fact]
    public void ASecretImportedByArnIsGrantedWithoutModifyingTheSuppliedRole()
    {
        // GIVEN a secret imported by ARN from a literal account and the platform team's role
        var (stack, scope) = NewStack();
        var secret = Secret.FromSecretCompleteArn(scope, "Shared", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/api-AbCdEf");
        var supplied = Role.FromRoleArn(scope, "Supplied", "arn:aws:iam::111122223333:role/platform/shop-web", new FromRoleArnOptions { Mutable = false });
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop", supplied);

        // WHEN the secret is granted to the recorder
        secret.GrantRead(recorder.Grantee);
        var template = Template.FromStack(stack);

        // THEN the read is recorded against the secret's ARN and no IAM resource or resource policy is created
        var statement = Assert.Single(StatementsOf(ReadReport("shop"), "web"));
        Assert.Contains("secretsmanager:GetSecretValue", Actions([statement]));
        Assert.Contains("arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/api-AbCdEf", statement.GetProperty("resources").GetRawText());
        template.ResourceCountIs("AWS::IAM::Policy", 0);
        template.ResourceCountIs("AWS::SecretsManager::ResourcePolicy", 0);
    }

    [Fact]
    public void AGrantThatNeedsAResourcePolicyWithoutTheSuppliedRoleFailsAskingForIt()
    {
        // GIVEN a secret imported from a literal account and a recorder that was not told the supplied role
        var (_, scope) = NewStack();
        var secret = Secret.FromSecretCompleteArn(scope, "Shared", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/api-AbCdEf");
        var recorder = new RequiredPermissionsRecorder(scope, "WebPermissions", "web", "shop");

        // WHEN it is granted THEN the error says what to pass
        var error = Assert.ThrowsAny<Exception>(() => secret.GrantRead(recorder.Grantee));
        Assert.Contains("pass the supplied role to RequiredPermissionsRecorder", error.ToString());
    }

    [Fact]
    public void ADuplicateFunctionLabelIsRejectedNamingTheLabel()
    {
        var (_, scope) = NewStack();
        _ = new RequiredPermissionsRecorder(scope, "A", "web", "shop");
        var error = Assert.Throws<ArgumentException>(() => new RequiredPermissionsRecorder(scope, "B", "web", "shop"));
        Assert.Contains("functionLabel 'web'", error.Message);
    }

    private sealed class GrantOnVisit(Queue queue, RequiredPermissionsRecorder recorder) : DeputyBase, IAspect
    {
        private bool _granted;

        public void Visit(IConstruct node)
        {
            if (_granted) return;
            _granted = true;
            queue.GrantConsumeMessages(recorder.Grantee);
        }
    }

    private sealed class GrantOnValidate(Action grant) : DeputyBase, IValidation
    {
        public string[] Validate()
        {
            grant();
            return [];
        }
    }
}
