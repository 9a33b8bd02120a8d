using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// The event source mapping both stream sources share: partial batch responses, bisect on error, a bounded number of
/// retries and an on-failure queue (created unless given), so a failing record is isolated, retried and never lost.
/// </summary>
internal static class StreamMapping
{
    public static void Check(StreamEventSourceOptions options, Findings findings, string property)
    {
        ValueRules.InRange(findings, options.BatchSize, 1, 10000, $"{property}.BatchSize");
        ValueRules.InRange(findings, ValueRules.WholeSeconds(findings, options.MaxBatchingWindow, $"{property}.MaxBatchingWindow"), 0, 300,
            $"{property}.MaxBatchingWindow", "seconds");
        ValueRules.InRange(findings, options.RetryAttempts, 0, 10000, $"{property}.RetryAttempts");
        ValueRules.InRange(findings, options.ParallelizationFactor, 1, 10, $"{property}.ParallelizationFactor");
        ValueRules.InRange(findings, ValueRules.WholeSeconds(findings, options.MaxRecordAge, $"{property}.MaxRecordAge"), 60, 604800,
            $"{property}.MaxRecordAge", "seconds (60 seconds to 7 days)");
        if (options.StartingPosition is { } position && position != StartingPosition.LATEST && position != StartingPosition.TRIM_HORIZON)
            findings.Error($"{property}.StartingPosition", "is not supported; allowed: StartingPosition.LATEST or StartingPosition.TRIM_HORIZON");
    }

    public static EventSourceMapping Create(EventSourceTarget target, string streamArn, StreamEventSourceOptions options)
    {
        var failureQueue = options.OnFailureQueue ?? target.FailureQueue("FailureQueue");
        var mapping = new EventSourceMapping(target.Scope, target.Id, new EventSourceMappingProps
        {
            Target = target.Function.Alias,
            EventSourceArn = streamArn,
            StartingPosition = options.StartingPosition ?? EventSourceDefaults.StartingPosition,
            BatchSize = options.BatchSize ?? EventSourceDefaults.StreamBatchSize,
            MaxBatchingWindow = options.MaxBatchingWindow,
            RetryAttempts = options.RetryAttempts ?? EventSourceDefaults.StreamRetryAttempts,
            BisectBatchOnError = options.BisectBatchOnError ?? EventSourceDefaults.BisectBatchOnError,
            MaxRecordAge = options.MaxRecordAge,
            ParallelizationFactor = options.ParallelizationFactor,
            ReportBatchItemFailures = true,
            Filters = options.Filters?.Select(FilterCriteria.Filter).ToArray(),
        });
        // The destination is set on the resource (not through SqsDlq) so its grant goes through the function's identity.
        ((CfnEventSourceMapping)mapping.Node.DefaultChild!).DestinationConfig = new CfnEventSourceMapping.DestinationConfigProperty
        {
            OnFailure = new CfnEventSourceMapping.OnFailureProperty { Destination = failureQueue.QueueArn },
        };
        target.Function.Identity.Grant(EventSourcePermissions.SendToFailureQueue(failureQueue.QueueArn, failureQueue.EncryptionMasterKey));
        return mapping;
    }
}
