using Amazon.CDK;
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

    /// <summary>Private, TLS-only, encrypted, versioned bucket with lifecycle rules (and access logs unless it is the log bucket).</summary>
    public static BucketProps SecureBucket(RemovalPolicy removalPolicy, IBucket? accessLogs, string accessLogsPrefix) => new()
    {
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        Encryption = BucketEncryption.S3_MANAGED,
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

    /// <summary>The server-access-log bucket: the same protections, and its logs expire.</summary>
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
