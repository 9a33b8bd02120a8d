using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Serverless.WebApp.Constructs.EventSources;

namespace Serverless.WebApp.Constructs.Nag;

/// <summary>
/// The cdk-nag findings on the event sources' resources that no configuration can satisfy, each acknowledged on the one
/// resource it concerns with the reason: the failure queues (the end of their failure path), queue sources' mappings
/// (SQS mappings take no on-failure destination) and CDK's bucket-notifications handler.
/// </summary>
internal static class EventSourceAcknowledgements
{
    public const string FailureQueueReason =
        "This queue is where an event source puts what it could not deliver or process (on-failure destination or " +
        "dead-letter queue), the end of the failure path; a redrive policy would only need another such queue. Messages " +
        "are kept 14 days for inspection.";
    public const string QueueMappingReason =
        "SQS event source mappings do not support on-failure destinations; a message that keeps failing returns to the " +
        "source queue, whose own redrive policy moves it to that queue's dead-letter queue.";
    public const string NotificationsHandlerRuntimeReason =
        "CDK's bucket-notifications handler (writes the bucket's notification configuration during deployment) is a " +
        "function whose runtime CDK chooses; the construct cannot pick another.";
    public const string NotificationsHandlerDeadLetterReason =
        "CDK's bucket-notifications handler is invoked only by CloudFormation as a custom resource: when it fails, the " +
        "deployment fails and rolls back, so no event is left to dead-letter.";
    public const string NotificationsHandlerMemoryReason =
        "CDK's bucket-notifications handler makes one PutBucketNotificationConfiguration call per deployment; CDK sets no " +
        "memory size and offers no way to.";
    public const string NotificationsHandlerTracingReason =
        "CDK's bucket-notifications handler runs once per deployment outside any request; CDK offers no tracing setting " +
        "for it, and CloudFormation's events record each run.";
    public const string NotificationsHandlerBasicExecutionReason =
        "CDK creates the bucket-notifications handler's role once per stack with AWSLambdaBasicExecutionRole (write its " +
        "own logs) and offers no other policy.";
    public const string NotificationsHandlerResourceReason =
        "CDK grants its bucket-notifications handler s3:PutBucketNotification (an explicit action) on '*', as it serves every " +
        "bucket of the stack; it runs only during deployments, never with the app's events.";

    public static void Apply(EventSourcesParts parts)
    {
        var nag = new NagAcknowledgement();
        foreach (var queue in parts.FailureQueues)
        {
            nag.Add(queue, "Serverless-SQSRedrivePolicy", FailureQueueReason);
            nag.Add(queue, "AwsSolutions-SQS3", FailureQueueReason);
        }
        foreach (var mapping in parts.QueueMappings) nag.Add(mapping, "Serverless-LambdaEventSourceMappingDestination", QueueMappingReason);
        if (parts.NotificationsHandler is { } handler) AcknowledgeNotificationsHandler(nag, handler);
        nag.Write();
    }

    // The handler, its role and policy are CDK's per-stack singletons, shared with every other bucket notification of the
    // stack: their acknowledgements are merged with those already written (AddShared).
    private static void AcknowledgeNotificationsHandler(NagAcknowledgement nag, IConstruct handler)
    {
        if (handler.Node.TryFindChild("Resource") is CfnResource function)
        {
            foreach (var rule in new[] { "AwsSolutions-L1", "Serverless-LambdaLatestVersion" })
                nag.AddShared(function, rule, NotificationsHandlerRuntimeReason);
            nag.AddShared(function, "Serverless-LambdaDLQ", NotificationsHandlerDeadLetterReason);
            nag.AddShared(function, "Serverless-LambdaDefaultMemorySize", NotificationsHandlerMemoryReason);
            nag.AddShared(function, "Serverless-LambdaTracing", NotificationsHandlerTracingReason);
        }
        if (handler.Node.TryFindChild("Role") is not Role role || role.Node.DefaultChild is not CfnRole cfnRole) return;
        nag.AddShared(cfnRole, "AwsSolutions-IAM4", NotificationsHandlerBasicExecutionReason,
            NagAcknowledgement.Regex("/^Policy::arn:<AWS::Partition>:iam::aws:policy\\/service-role\\/AWSLambdaBasicExecutionRole$/"));
        if (role.Node.TryFindChild("DefaultPolicy") is Policy policy)
            nag.AddShared(policy, "AwsSolutions-IAM5", NotificationsHandlerResourceReason, "Resource::*");
    }
}
