using Amazon.CDK;
using Constructs;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// The cdk-nag findings on task resources that no configuration can satisfy, each acknowledged on the one resource it
/// concerns with the reason, in cdk-nag's template metadata format (<c>Metadata.cdk_nag.rules_to_suppress</c>).
/// Nothing here hides a default: every entry is a rule that does not apply to the resource's role.
/// </summary>
public static class ComplianceSuppressions
{
    public const string TerminalDeadLetterQueueReason =
        "This queue is itself a dead-letter queue (the end of the failure path); giving it a redrive policy would only " +
        "need another dead-letter queue. Messages are kept 14 days for inspection and redrive.";

    public const string TargetDeadLetterQueueReason =
        "This queue is the DeadLetterConfig of an EventBridge rule or Scheduler target; cdk-nag only recognises queues " +
        "used by an SQS redrive policy or a Lambda DeadLetterConfig as dead-letter queues.";

    public const string SqsEventSourceDestinationReason =
        "SQS event source mappings do not support on-failure destinations; a message that fails maxReceiveCount times " +
        "moves to the task queue's dead-letter queue through the queue's redrive policy.";

    /// <summary>
    /// Reason for the one finding left to the composing construct: with a payload bucket, the web and worker roles get
    /// <c>s3:PutObject</c> / <c>s3:GetObject</c> on <c>&lt;PayloadBucket.Arn&gt;/*</c> (AwsSolutions-IAM5). The statements
    /// land in the roles' own default policy, so the construct that owns the roles acknowledges it there.
    /// </summary>
    public const string PayloadObjectsReason =
        "Object-level access to the construct's own task payload bucket: object keys are task ids created at run time, " +
        "so the resource is the bucket's object ARN pattern; the action is a single PutObject (web) or GetObject (worker).";

    /// <summary>
    /// A dead-letter queue at the end of a failure path; <paramref name="usedByEventTargets"/> when an EventBridge rule
    /// or Scheduler target delivers to it. Use it on a shared dead-letter queue passed to <see cref="KeepWarmProps.DeadLetterQueue"/>
    /// or <see cref="TaskSchedulesProps.DeadLetterQueue"/>.
    /// </summary>
    public static void DeadLetterQueue(IConstruct queue, bool usedByEventTargets) =>
        Acknowledge(queue, usedByEventTargets
            ? [("Serverless-SQSRedrivePolicy", TerminalDeadLetterQueueReason), ("AwsSolutions-SQS3", TargetDeadLetterQueueReason)]
            : [("Serverless-SQSRedrivePolicy", TerminalDeadLetterQueueReason)]);

    /// <summary>An SQS event source mapping, whose failures go to the queue's dead-letter queue.</summary>
    public static void SqsEventSourceMapping(IConstruct mapping) =>
        Acknowledge(mapping, [("Serverless-LambdaEventSourceMappingDestination", SqsEventSourceDestinationReason)]);

    private static void Acknowledge(IConstruct construct, (string Id, string Reason)[] rules)
    {
        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new InvalidOperationException($"{construct.Node.Path} has no CloudFormation resource to annotate.");
        resource.AddMetadata("cdk_nag", new Dictionary<string, object>
        {
            ["rules_to_suppress"] = rules
                .Select(rule => (object)new Dictionary<string, object> { ["id"] = rule.Id, ["reason"] = rule.Reason })
                .ToArray(),
        });
    }
}
