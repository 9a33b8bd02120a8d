using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>Proves the Control Tower checker on a small stack of plain CDK resources.</summary>
[Collection("cdk")]
public class ControlTowerCheckerTests
{
    private static readonly string SelfTestDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "compliance-selftest");

    [Fact]
    public void RunsOnlyTheControlsThatApplyAndNamesEachFailingResource()
    {
        // GIVEN encrypted queues: one with a dead-letter queue that says it is one, and one with no dead-letter queue
        var stack = new Stack(TestFolders.NewApp(), "ControlTowerSelfTest");
        var deadLetters = new Queue(stack, "DeadLetters", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            RedriveAllowPolicy = new RedriveAllowPolicy { RedrivePermission = RedrivePermission.ALLOW_ALL },
        });
        _ = new Queue(stack, "Tasks", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            DeadLetterQueue = new DeadLetterQueue { Queue = deadLetters, MaxReceiveCount = 3 },
        });
        var plain = new Queue(stack, "Plain", new QueueProps { Encryption = QueueEncryption.SQS_MANAGED });
        var template = ComplianceGate.WriteTemplate(stack, Path.Combine(SelfTestDirectory, "control-tower.template.json"));

        // WHEN the Control Tower checker runs over it
        var report = ControlTowerChecker.Run(template);

        // THEN only the SQS controls apply (the template holds nothing else), the encryption control passes, and the
        // dead-letter control fails on the queue without one, and on no other
        var result = report["control-tower"];
        Assert.Equal(["CT.SQS.PR.1", "CT.SQS.PR.2"], result.Applicable);
        Assert.Equal(["CT.SQS.PR.2"], result.Passed);
        Assert.Equal(["CT.SQS.PR.1"], result.Failed);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(stack.Resolve(((CfnElement)plain.Node.DefaultChild!).LogicalId), failure.Resource);
        Assert.Equal("AWS::SQS::Queue", failure.Type);
        Assert.Contains("dead-letter queue", failure.Title);
        Assert.True(report.Controls > 200, $"the package's whole Control Tower rule set is read ({report.Controls} controls)");
    }
}
