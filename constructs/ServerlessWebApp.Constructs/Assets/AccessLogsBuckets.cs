using Amazon.CDK.AWS.S3;
using Constructs;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>
/// Where the app's buckets send their server access logs: the supplied <see cref="ServerlessWebAppProps.AccessLogsBucket"/>,
/// or one bucket the construct creates for all of them.
/// </summary>
internal static class AccessLogsBuckets
{
    public const string Id = "AccessLogsBucket";

    public static IBucket For(Construct scope, ServerlessWebAppProps props)
    {
        if (props.AccessLogsBucket is { } supplied) return supplied;
        var bucket = new Bucket(scope, Id, AssetsDefaults.WithObjectLock(
            AssetsDefaults.AccessLogsBucket(AssetsDefaults.RemovalPolicy(props)), props, withDefaultRetention: false));
        BucketEventNotifications.SendToEventBridge(bucket);
        return bucket;
    }
}
