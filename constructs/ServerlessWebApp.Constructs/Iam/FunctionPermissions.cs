using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;

namespace ServerlessWebApp.Constructs.Iam;

/// <summary>
/// The exact statements a function needs, with explicit actions (no <c>*</c> or <c>service:*</c>) scoped to the
/// construct's own resources. Only X-Ray and VPC network-interface actions need <c>Resource: "*"</c>: those APIs
/// accept nothing narrower.
/// </summary>
internal static class FunctionPermissions
{
    public static readonly string[] XRayActions = { "xray:PutTraceSegments", "xray:PutTelemetryRecords" };

    public static readonly string[] NetworkInterfaceActions =
    {
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
    };

    public static void WriteLogs(IGrantable target, ILogGroup logGroup) =>
        Add(target, Statements.Allow(["logs:CreateLogStream", "logs:PutLogEvents"], logGroup.LogGroupArn));

    public static void WriteTraces(IGrantable target) => Add(target, Statements.Allow(XRayActions, "*"));

    public static void ManageNetworkInterfaces(IGrantable target) => Add(target, Statements.Allow(NetworkInterfaceActions, "*"));

    public static void SendToDeadLetterQueue(IGrantable target, IQueue queue) => Add(target, Statements.Allow(["sqs:SendMessage"], queue.QueueArn));

    public static void ReadObjects(IGrantable target, IBucket bucket) => ReadObjects(target, bucket, bucket.ArnForObjects("*"));

    public static void ReadWriteObjects(IGrantable target, IBucket bucket)
    {
        // One object ARN for both statements: each ArnForObjects is a round trip to jsii's Node process.
        var objects = bucket.ArnForObjects("*");
        ReadObjects(target, bucket, objects);
        Add(target, Statements.Allow(["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], objects));
    }

    private static void ReadObjects(IGrantable target, IBucket bucket, string objects)
    {
        Add(target, Statements.Allow(["s3:ListBucket"], bucket.BucketArn));
        Add(target, Statements.Allow(["s3:GetObject"], objects));
    }

    // A created Role is its own grant principal (CDK's Role.grantPrincipal is `this`): skip reading it back through jsii.
    private static void Add(IGrantable target, PolicyStatement statement) =>
        (target as Role ?? target.GrantPrincipal).AddToPrincipalPolicy(statement);
}
