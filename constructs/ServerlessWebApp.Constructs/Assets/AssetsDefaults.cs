using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>Pure defaults of the S3 assets: which folder is deployed and how every bucket is secured.</summary>
internal static class AssetsDefaults
{
    public const int NoncurrentVersionExpirationDays = 30;
    public const int IncompleteUploadExpirationDays = 7;
    public const int AccessLogExpirationDays = 90;

    /// <summary>The folder to deploy: the explicit one, else the app's wwwroot when it exists, else none.</summary>
    public static string? StaticAssetsPath(ServerlessWebAppProps props)
    {
        if (props.DeployStaticAssets == false) return null;
        if (props.StaticAssetsPath is not null) return Path.GetFullPath(props.StaticAssetsPath);
        var parent = props.ProjectPath is not null
            ? Path.GetDirectoryName(Path.GetFullPath(props.ProjectPath))
            : props.PrebuiltCodePath is not null && Directory.Exists(props.PrebuiltCodePath) ? props.PrebuiltCodePath : null;
        if (parent is null) return null;
        var webRoot = Path.Combine(parent, "wwwroot");
        return Directory.Exists(webRoot) ? Path.GetFullPath(webRoot) : null;
    }

    public static RemovalPolicy RemovalPolicy(ServerlessWebAppProps props) => props.BucketRemovalPolicy ?? Amazon.CDK.RemovalPolicy.RETAIN;

    /// <summary>
    /// Private, TLS-only, versioned bucket with lifecycle rules and access logs, encrypted with AWS KMS: the app's key,
    /// or else S3's AWS-managed key (<c>aws/s3</c>, no monthly charge). An S3 bucket key makes S3 call KMS rarely, so
    /// KMS requests stay within its free tier at this app's scale, and none are made at idle.
    /// </summary>
    public static BucketProps SecureBucket(RemovalPolicy removalPolicy, IBucket? accessLogs, string accessLogsPrefix, IKey? key = null) => new()
    {
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        Encryption = key is null ? BucketEncryption.KMS_MANAGED : BucketEncryption.KMS,
        EncryptionKey = key,
        BucketKeyEnabled = true,
        Versioned = true,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        RemovalPolicy = removalPolicy,
        ServerAccessLogsBucket = accessLogs,
        ServerAccessLogsPrefix = accessLogs is null ? null : accessLogsPrefix,
        LifecycleRules = new ILifecycleRule[]
        {
            new LifecycleRule
            {
                NoncurrentVersionExpiration = Durations.Days(NoncurrentVersionExpirationDays),
                AbortIncompleteMultipartUploadAfter = Durations.Days(IncompleteUploadExpirationDays),
            },
        },
    };

    /// <summary>
    /// Turns on S3 Object Lock when <see cref="ServerlessWebAppDataProtectionProps.ObjectLockRetention"/> is set, with that default
    /// retention only where <paramref name="withDefaultRetention"/> (see the prop for which buckets).
    /// </summary>
    public static BucketProps WithObjectLock(BucketProps bucket, ServerlessWebAppProps props, bool withDefaultRetention)
    {
        if (props.DataProtection?.ObjectLockRetention is not { } retention) return bucket;
        bucket.ObjectLockEnabled = true;
        if (withDefaultRetention) bucket.ObjectLockDefaultRetention = retention;
        return bucket;
    }

    /// <summary>
    /// The server-access-log bucket: the same protections, and its logs expire. Always S3-managed keys: S3 delivers
    /// server access logs only to buckets encrypted with them.
    /// </summary>
    public static BucketProps AccessLogsBucket(RemovalPolicy removalPolicy) => new()
    {
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        Encryption = BucketEncryption.S3_MANAGED,
        Versioned = true,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        RemovalPolicy = removalPolicy,
        LifecycleRules = new ILifecycleRule[]
        {
            new LifecycleRule
            {
                Expiration = Durations.Days(AccessLogExpirationDays),
                NoncurrentVersionExpiration = Durations.Days(NoncurrentVersionExpirationDays),
                AbortIncompleteMultipartUploadAfter = Durations.Days(IncompleteUploadExpirationDays),
            },
        },
    };
}
