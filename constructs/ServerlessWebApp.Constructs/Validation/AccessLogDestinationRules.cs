using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.S3;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// What S3 needs of a bucket it delivers server access logs to, as far as synth can know it: S3-managed encryption
/// (SSE-S3, not SSE-KMS) and no Object Lock. A bucket defined in this CDK app is read from its template; an imported one
/// is known only by the key it was imported with, if any.
/// </summary>
internal static class AccessLogDestinationRules
{
    public static void Check(Findings findings, IBucket? bucket, string property)
    {
        if (bucket is null) return;
        var cfnBucket = bucket.Node.DefaultChild as CfnBucket;
        if (bucket.EncryptionKey is not null || (cfnBucket is not null && UsesKms(cfnBucket)))
            findings.Error(property, "is encrypted with AWS KMS; allowed: a bucket with S3-managed encryption (SSE-S3), the only kind S3 delivers server access logs to");
        if (cfnBucket is { ObjectLockEnabled: { } objectLock } && Stack.Of(cfnBucket).Resolve(objectLock) is true)
            findings.Error(property, "has S3 Object Lock; allowed: a bucket without Object Lock, since S3 does not deliver server access logs to one with it");
    }

    private static bool UsesKms(CfnBucket bucket) =>
        bucket.BucketEncryption is { } encryption
        && JsonSerializer.Serialize(Stack.Of(bucket).Resolve(encryption)).Contains("\"aws:kms", StringComparison.Ordinal);
}
