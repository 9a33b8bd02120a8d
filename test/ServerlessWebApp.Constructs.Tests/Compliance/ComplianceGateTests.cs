using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.TestSupport;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Compliance;
using Serverless.WebApp.Constructs.Nag;
using Xunit.Sdk;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>Proves the gate on small stacks of plain CDK resources; the construct's configurations are checked elsewhere.</summary>
[Collection("cdk")]
public class ComplianceGateTests
{
    // Templates of these self-tests are kept apart from artifacts/compliance, which holds only real configurations.
    private static readonly string SelfTestDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "compliance-selftest");

    private static Stack NewStack(string name) => new(TestFolders.NewApp(), name);

    private static Queue CompliantDeadLetterQueue(Stack stack) => new(stack, "DeadLetters", new QueueProps
    {
        EnforceSSL = true,
        Encryption = QueueEncryption.SQS_MANAGED,
        RetentionPeriod = Duration.Days(14),
    });

    private static Queue CompliantQueue(Stack stack, Queue deadLetters) => new(stack, "Tasks", new QueueProps
    {
        EnforceSSL = true,
        Encryption = QueueEncryption.SQS_MANAGED,
        DeadLetterQueue = new DeadLetterQueue { Queue = deadLetters, MaxReceiveCount = 3 },
    });

    private static string LogicalId(Stack stack, Amazon.CDK.Resource resource) =>
        stack.Resolve(((CfnElement)resource.Node.DefaultChild!).LogicalId).ToString()!;

    [Fact]
    public void NonCompliantResourcesProduceFindingsWithRuleAndResource()
    {
        // GIVEN an unencrypted queue without TLS enforcement or DLQ, and a role allowed every action
        var stack = NewStack("NonCompliant");
        var queue = new Queue(stack, "Plain");
        var role = new Role(stack, "Admin", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["*"], Resources = ["*"] }));

        // WHEN the gate checks it
        var report = ComplianceGate.Run("non-compliant", stack, SelfTestDirectory);

        // THEN the queue's and the policy's findings are reported against their logical ids
        var queueId = LogicalId(stack, queue);
        Assert.Contains(report.Findings, f => f.RuleId == "AwsSolutions-SQS4" && f.Resource == queueId);
        Assert.Contains(report.Findings, f => f.RuleId == "AwsSolutions-SQS3" && f.Resource == queueId);
        Assert.Contains(report.Findings, f => f.RuleId == "Serverless-SQSRedrivePolicy" && f.Resource == queueId);
        Assert.Contains(report.Findings, f => f.Rule == "AwsSolutions-IAM5[Action::*]" && f.Resource.StartsWith("AdminDefaultPolicy", StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.Equal("non-compliant", f.Configuration));
        Assert.True(File.Exists(Path.Combine(SelfTestDirectory, "non-compliant.template.json")));
    }

    [Fact]
    public void CheckFailsTheTestNamingRuleResourceConstructAndConfiguration()
    {
        // GIVEN a queue that does not enforce TLS
        var stack = NewStack("Failing");
        var queue = new Queue(stack, "Plain");

        // WHEN the failing Check is called (redirected to the self-test directory by checking the report it produces)
        var report = ComplianceGate.Run("failing", stack, SelfTestDirectory);
        var failure = Assert.Throws<FailException>(() => ComplianceGateFailure(report, stack));

        // THEN the message has one line per finding with configuration, rule, logical id and construct path
        Assert.Contains($"failing AwsSolutions-SQS4 {LogicalId(stack, queue)} (Failing/Plain/Resource)", failure.Message);
        Assert.Contains("configuration 'failing'", failure.Message);
    }

    [Fact]
    public void CompliantResourcesHaveNoFindings()
    {
        // GIVEN encrypted, TLS-only, versioned, logged buckets and a table with point-in-time recovery
        var stack = NewStack("Compliant");
        var logs = new Bucket(stack, "AccessLogs", new BucketProps
        {
            EnforceSSL = true, Encryption = BucketEncryption.S3_MANAGED, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, Versioned = true,
        });
        new Bucket(stack, "Assets", new BucketProps
        {
            EnforceSSL = true, Encryption = BucketEncryption.S3_MANAGED, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, Versioned = true,
            ServerAccessLogsBucket = logs, ServerAccessLogsPrefix = "assets/",
        });
        new Table(stack, "Status", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST, PointInTimeRecovery = true,
        });

        // WHEN the gate checks it THEN it passes with nothing found or suppressed
        var report = ComplianceGate.Run("compliant", stack, SelfTestDirectory);
        Assert.Empty(report.Findings);
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public void ASuppressionWithAReasonOnTheResourceIsReportedButDoesNotFail()
    {
        // GIVEN a compliant queue whose dead-letter queue has no redrive policy of its own, suppressed with a reason
        var stack = NewStack("Suppressed");
        var deadLetters = CompliantDeadLetterQueue(stack);
        CompliantQueue(stack, deadLetters);
        NagAcknowledgement.AddTo(deadLetters, "Serverless-SQSRedrivePolicy", "This is the terminal dead-letter queue of the Tasks queue.");

        // WHEN the gate checks it
        var report = ComplianceGate.Run("suppressed", stack, SelfTestDirectory);

        // THEN there is no finding, and the suppression is listed with its reason
        Assert.Empty(report.Findings);
        var suppressed = Assert.Single(report.Suppressed);
        Assert.Equal("Serverless-SQSRedrivePolicy", suppressed.Rule);
        Assert.Equal(LogicalId(stack, deadLetters), suppressed.Resource);
        Assert.Equal("This is the terminal dead-letter queue of the Tasks queue.", suppressed.Reason);
    }

    [Fact]
    public void ASuppressionOnAnotherResourceDoesNotHideTheFinding()
    {
        // GIVEN the suppression placed on the main queue instead of the dead-letter queue
        var stack = NewStack("Misplaced");
        var deadLetters = CompliantDeadLetterQueue(stack);
        var tasks = CompliantQueue(stack, deadLetters);
        NagAcknowledgement.AddTo(tasks, "Serverless-SQSRedrivePolicy", "Misplaced: the finding is on the dead-letter queue.");

        // WHEN the gate checks it THEN the dead-letter queue's finding is still reported
        var report = ComplianceGate.Run("misplaced", stack, SelfTestDirectory);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(LogicalId(stack, deadLetters), finding.Resource);
    }

    [Fact]
    public void AStackWideSuppressionIsAFinding()
    {
        // GIVEN template-level cdk_nag metadata that would suppress a rule for every resource
        var stack = NewStack("StackWide");
        var deadLetters = CompliantDeadLetterQueue(stack);
        CompliantQueue(stack, deadLetters);
        stack.TemplateOptions.Metadata = new Dictionary<string, object>
        {
            ["cdk_nag"] = new Dictionary<string, object>
            {
                ["rules_to_suppress"] = new object[] { new Dictionary<string, object> { ["id"] = "Serverless-SQSRedrivePolicy", ["reason"] = "Hide it everywhere at once." } },
            },
        };

        // WHEN the gate checks it THEN the stack-wide suppression is reported and does not hide the queue's finding
        var report = ComplianceGate.Run("stack-wide", stack, SelfTestDirectory);
        Assert.Contains(report.Findings, f => f.Rule == "StackWideSuppression");
        Assert.Contains(report.Findings, f => f.Rule == "Serverless-SQSRedrivePolicy" && f.Resource == LogicalId(stack, deadLetters));
    }

    [Fact]
    public void AStackInsideAStageWithAFileAssetIsChecked()
    {
        // GIVEN a stack in a stage (as the sample app's dev and prod are) with an asset-backed non-compliant function
        var code = new DirectoryInfo(TestFolders.NewDirectory("asset"));
        File.WriteAllText(Path.Combine(code.FullName, "app.dll"), "not really an assembly");
        var stack = new Stack(new Stage(TestFolders.NewApp(), "dev"), "Service");
        var function = new Amazon.CDK.AWS.Lambda.Function(stack, "Web", new Amazon.CDK.AWS.Lambda.FunctionProps
        {
            Runtime = Amazon.CDK.AWS.Lambda.Runtime.DOTNET_8,
            Handler = "app",
            Code = Amazon.CDK.AWS.Lambda.Code.FromAsset(code.FullName),
        });

        // WHEN the gate checks it
        var report = ComplianceGate.Run("staged", stack, SelfTestDirectory);
        code.Delete(recursive: true);

        // THEN the template loads and the function's findings name it, including the outdated runtime
        var functionId = LogicalId(stack, function);
        Assert.Contains(report.Findings, f => f.RuleId == "Serverless-LambdaLatestVersion" && f.Resource == functionId);
        Assert.Contains(report.Findings, f => f.RuleId == "Serverless-LambdaTracing" && f.Resource == functionId);
    }

    [Fact]
    public void RunAllChecksSeveralConfigurationsInOneRunAndAttributesEachFinding()
    {
        // GIVEN a compliant dead-letter setup and a plain queue, as two configurations
        var compliant = NewStack("AllCompliant");
        var deadLetters = CompliantDeadLetterQueue(compliant);
        CompliantQueue(compliant, deadLetters);
        NagAcknowledgement.AddTo(deadLetters, "Serverless-SQSRedrivePolicy", "This is the terminal dead-letter queue of the Tasks queue.");
        var failing = NewStack("AllFailing");
        var plain = new Queue(failing, "Plain");

        // WHEN both are checked together
        var reports = ComplianceGate.RunAll([("all-compliant", compliant), ("all-failing", failing)], SelfTestDirectory);

        // THEN each report holds only its own configuration's findings and suppressions, and names its template
        Assert.Empty(reports["all-compliant"].Findings);
        Assert.Single(reports["all-compliant"].Suppressed);
        Assert.Contains(reports["all-failing"].Findings, f => f.RuleId == "AwsSolutions-SQS4" && f.Resource == LogicalId(failing, plain));
        Assert.All(reports["all-failing"].Findings, f => Assert.Equal("all-failing", f.Configuration));
        Assert.EndsWith("all-failing.template.json", reports["all-failing"].TemplatePath);
        var failure = Assert.Throws<FailException>(() => ComplianceGate.FailOnFindings("all-failing", failing, reports["all-failing"]));
        Assert.Contains($"all-failing AwsSolutions-SQS4 {LogicalId(failing, plain)}", failure.Message);
    }

    [Fact]
    public void RunAllRejectsAConfigurationListedTwice()
    {
        var stack = NewStack("Twice");
        CompliantDeadLetterQueue(stack);
        var error = Assert.Throws<ArgumentException>(() => ComplianceGate.RunAll([("twice", stack), ("twice", stack)], SelfTestDirectory));
        Assert.Contains("'twice' is listed twice", error.Message);
    }

    [Fact]
    public void ASuppressionWithoutAReasonIsRejected()
    {
        var stack = NewStack("NoReason");
        var queue = CompliantDeadLetterQueue(stack);

        var error = Assert.Throws<ArgumentException>(() => NagAcknowledgement.AddTo(queue, "Serverless-SQSRedrivePolicy", "because"));
        Assert.Contains("at least 10 characters", error.Message);
    }

    private static void ComplianceGateFailure(ComplianceReport report, Stack stack) =>
        ComplianceGate.FailOnFindings("failing", stack, report);
}
