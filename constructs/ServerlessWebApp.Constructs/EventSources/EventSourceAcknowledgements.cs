using Serverless.WebApp.Constructs.Nag;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>The cdk-nag findings on the event sources' own resources that are a documented choice, each with its reason.</summary>
internal static class EventSourceAcknowledgements
{
    public const string FailureQueueReason =
        "This queue is where an event source puts what it could not deliver or process (on-failure destination or " +
        "dead-letter queue), the end of the failure path; a redrive policy would only need another such queue. Messages " +
        "are kept 14 days for inspection.";

    public static void Apply(EventSourcesParts parts)
    {
        if (parts.FailureQueues.Count == 0) return;
        var nag = new NagAcknowledgement();
        foreach (var queue in parts.FailureQueues)
        {
            nag.Add(queue, "Serverless-SQSRedrivePolicy", FailureQueueReason);
            nag.Add(queue, "AwsSolutions-SQS3", FailureQueueReason);
        }
        nag.Write();
    }
}
