using Amazon.CDK.AWS.S3;
using Constructs;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>
/// Where the app's buckets send their server access logs: the supplied <see cref="ServerlessWebAppDataProtectionProps.AccessLogsBucket"/>,
/// or one bucket the construct creates for all of them.
/// </summary>
internal static class AccessLogsBuckets
{
    public const string Id = "AccessLogsBucket";

    public static IBucket For(Construct scope, ServerlessWebAppProps props)
    {
        if (props.DataProtection?.AccessLogsBucket is { } supplied) return supplied;
        // Never Object Lock: S3 does not deliver server access logs to a bucket with it.
        var bucket = new Bucket(scope, Id, AssetsDefaults.AccessLogsBucket(AssetsDefaults.RemovalPolicy(props)));
        BucketEventNotifications.SendToEventBridge(bucket);
        return bucket;
    }
}
