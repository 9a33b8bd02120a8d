using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// The exact statements a function needs, with explicit actions (no <c>*</c> or <c>service:*</c>) scoped to the
/// construct's own resources. Only X-Ray and VPC network-interface actions need <c>Resource: "*"</c>: those APIs
/// accept nothing narrower. A function's statements are granted through <see cref="FunctionIdentity.Grant"/>, which
/// adds each batch to its role's default policy in one call; other grantees through <see cref="Grant"/>.
/// </summary>
internal static class FunctionPermissions
{
    public static readonly string[] XRayActions = { "xray:PutTraceSegments", "xray:PutTelemetryRecords" };

    public static readonly string[] NetworkInterfaceActions =
    {
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
    };

    public static PolicyStatement WriteLogs(ILogGroup logGroup) =>
        Statements.Allow(["logs:CreateLogStream", "logs:PutLogEvents"], logGroup.LogGroupArn);

    public static PolicyStatement WriteTraces() => Statements.Allow(XRayActions, "*");

    public static PolicyStatement ManageNetworkInterfaces() => Statements.Allow(NetworkInterfaceActions, "*");

    public static PolicyStatement SendToDeadLetterQueue(IQueue queue) => Statements.Allow(["sqs:SendMessage"], queue.QueueArn);

    /// <summary>
    /// Use the app's customer-managed key: decrypt (environment variables, received messages, read objects and items)
    /// and generate data keys (sent messages, written objects and items).
    /// </summary>
    public static PolicyStatement UseKey(IKey key) => Statements.Allow(KeyActions, key.KeyArn);

    public static readonly string[] KeyActions = { "kms:Decrypt", "kms:GenerateDataKey" };

    public static PolicyStatement[] ReadObjects(IBucket bucket) => ReadObjects(bucket, bucket.ArnForObjects("*"));

    public static PolicyStatement[] ReadWriteObjects(IBucket bucket)
    {
        // One object ARN for all three statements: each ArnForObjects is a round trip to jsii's Node process.
        var objects = bucket.ArnForObjects("*");
        return [.. ReadObjects(bucket, objects), Statements.Allow(["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], objects)];
    }

    private static PolicyStatement[] ReadObjects(IBucket bucket, string objects) =>
        [Statements.Allow(["s3:ListBucket"], bucket.BucketArn), Statements.Allow(["s3:GetObject"], objects)];

    /// <summary>Adds the statements, in order, to any grantee; a function identity of the construct uses <see cref="FunctionIdentity.Grant"/>, which batches them.</summary>
    public static void Grant(IGrantable target, params PolicyStatement[] statements)
    {
        // A created Role is its own grant principal (CDK's Role.grantPrincipal is `this`): skip reading it back through jsii.
        var principal = target as Role ?? target.GrantPrincipal;
        foreach (var statement in statements) principal.AddToPrincipalPolicy(statement);
    }
}
