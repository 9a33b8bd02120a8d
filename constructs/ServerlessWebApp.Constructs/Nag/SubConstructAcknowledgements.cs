using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Serverless.WebApp.Constructs.Nag;

/// <summary>
/// The cdk-nag findings on the sub-constructs' resources (task queue, keep-warm, schedules) that no configuration can
/// satisfy, each acknowledged on the one resource it concerns with the reason. Nothing here hides a default: every
/// entry is a rule that does not apply to the resource's role.
/// </summary>
internal static class SubConstructAcknowledgements
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

    private static readonly (string Rule, string Reason)[] ControlDeadLetterQueueRules =
    [
        ("Serverless-SQSRedrivePolicy", TerminalDeadLetterQueueReason),
        ("AwsSolutions-SQS3", TargetDeadLetterQueueReason),
    ];

    /// <summary>The task queue's own dead-letter queue, the end of the task's failure path.</summary>
    public static void TaskDeadLetterQueue(Queue queue)
    {
        var nag = new NagAcknowledgement();
        nag.Add(queue, "Serverless-SQSRedrivePolicy", TerminalDeadLetterQueueReason);
        nag.Write();
    }

    /// <summary>
    /// The dead-letter queue of an EventBridge rule or Scheduler target: one created by the sub-construct, or a queue of
    /// the app passed in (then merged with what it carries already; an imported queue has no resource in this app).
    /// </summary>
    public static void ControlDeadLetterQueue(IQueue queue, bool createdHere)
    {
        if (!createdHere && queue.Node.DefaultChild is not CfnResource) return;
        var nag = new NagAcknowledgement();
        foreach (var (rule, reason) in ControlDeadLetterQueueRules)
        {
            if (createdHere) nag.Add(queue, rule, reason);
            else nag.AddShared(queue, rule, reason);
        }
        nag.Write();
    }

    /// <summary>An SQS event source mapping, whose failures go to the queue's dead-letter queue.</summary>
    public static void SqsEventSourceMapping(IConstruct mapping)
    {
        var nag = new NagAcknowledgement();
        nag.Add(mapping, "Serverless-LambdaEventSourceMappingDestination", SqsEventSourceDestinationReason);
        nag.Write();
    }
}
