using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Serverless.WebApp.Constructs.Monitoring;

namespace Serverless.WebApp.Constructs.Encryption;

/// <summary>
/// The app's customer-managed key (<see cref="ServerlessWebAppDataProtectionProps.EncryptionKey"/>): created with yearly rotation
/// and the key policy statements its users need, or the supplied key, whose policy the construct cannot change (a
/// synth warning lists what it needs instead).
/// </summary>
internal static class EncryptionKeyBuilder
{
    /// <summary>A key policy statement and how to say it in a warning (without the stack's unresolved tokens).</summary>
    public sealed record KeyPolicyGrant(PolicyStatement Statement, string Description);

    public const string SuppliedKeyPolicyWarning = "ServerlessWebApp:suppliedKeyPolicy";

    public static IKey? Build(Construct scope, ServerlessWebAppProps props)
    {
        if (props.DataProtection?.EncryptionKey is not { } choice) return null;
        if (choice.Supplied is { } supplied) return supplied;

        var key = new Key(scope, "EncryptionKey", new KeyProps
        {
            Description = $"{scope.Node.Path}: queues, table, buckets, logs and function variables",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        key.AddToResourcePolicy(OnlyAwsServicesCreateGrants());
        return key;
    }

    /// <summary>Adds the statements to the key's policy; for a supplied key that cannot take them, warns with what they are.</summary>
    public static void AllowServices(Construct scope, IKey key, params KeyPolicyGrant[] grants)
    {
        var missing = grants.Where(grant => !key.AddToResourcePolicy(grant.Statement, allowNoOp: true).StatementAdded).ToList();
        if (missing.Count == 0) return;
        Annotations.Of(scope).AddWarningV2(SuppliedKeyPolicyWarning,
            "EncryptionKey is a supplied key whose policy the construct cannot change; add to it: " +
            string.Join("; ", missing.Select(grant => grant.Description)) + ".");
    }

    /// <summary>
    /// The services that use the key: CloudWatch Logs always; EventBridge when it delivers undeliverable keep-warm pings
    /// or event-pattern events to a dead-letter queue created here; SNS when an event-source topic's subscription does;
    /// CloudWatch alarms when they notify the alarm topic created here.
    /// </summary>
    public static KeyPolicyGrant[] ServicesOf(bool eventBridgeDeadLetters, bool alarmTopic, IReadOnlyList<string> topicDeadLetters) =>
    [
        CloudWatchLogs(),
        .. eventBridgeDeadLetters ? [EventBridgeDeadLetters()] : Array.Empty<KeyPolicyGrant>(),
        .. topicDeadLetters.Count > 0 ? [SnsDeadLetters(topicDeadLetters)] : Array.Empty<KeyPolicyGrant>(),
        .. alarmTopic ? [CloudWatchAlarms()] : Array.Empty<KeyPolicyGrant>(),
    ];

    /// <summary>CloudWatch Logs encrypts the app's log groups with the key (AWS's documented statement, limited to log groups of this account and region).</summary>
    public static KeyPolicyGrant CloudWatchLogs() => new(new PolicyStatement(new PolicyStatementProps
    {
        Sid = "CloudWatchLogsEncryptsLogGroups",
        Principals = [new ServicePrincipal($"logs.{Aws.REGION}.amazonaws.com")],
        Actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["ArnLike"] = new Dictionary<string, object>
            {
                ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:*",
            },
        },
    }), "statement CloudWatchLogsEncryptsLogGroups allowing service logs.<region>.amazonaws.com kms:Encrypt, kms:Decrypt, " +
        "kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext and kms:DescribeKey " +
        "when kms:EncryptionContext:aws:logs:arn is like arn:<partition>:logs:<region>:<account>:log-group:*");

    /// <summary>
    /// CloudWatch alarms of this account and region publish to the alarm topic, which the key encrypts (SNS's
    /// documented statement for AWS services that publish to encrypted topics, with the confused-deputy conditions
    /// CloudWatch supports).
    /// </summary>
    public static KeyPolicyGrant CloudWatchAlarms() => new(new PolicyStatement(new PolicyStatementProps
    {
        Sid = "CloudWatchAlarmsPublishToTheAlarmTopic",
        Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
        Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resources = ["*"],
        Conditions = MonitoringDefaults.AlarmsOfThisAccount(),
    }), "statement CloudWatchAlarmsPublishToTheAlarmTopic allowing service cloudwatch.amazonaws.com kms:Decrypt and " +
        "kms:GenerateDataKey* when aws:SourceAccount is the stack's account and aws:SourceArn is like " +
        "arn:<partition>:cloudwatch:<region>:<account>:alarm:*");

    /// <summary>
    /// SNS delivers what an event-source topic's subscription cannot deliver to the encrypted dead-letter queue created
    /// for it (Amazon SQS's documented statement for AWS services that send to encrypted queues, limited to those topics).
    /// </summary>
    public static KeyPolicyGrant SnsDeadLetters(IReadOnlyList<string> topicArns) => new(new PolicyStatement(new PolicyStatementProps
    {
        Sid = "SnsSendsToDeadLetterQueues",
        Principals = [new ServicePrincipal("sns.amazonaws.com")],
        Actions = ["kms:GenerateDataKey", "kms:Decrypt"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = topicArns.ToArray() },
        },
    }), "statement SnsSendsToDeadLetterQueues allowing service sns.amazonaws.com kms:GenerateDataKey and kms:Decrypt " +
        "when aws:SourceArn is one of the event-source topics whose dead-letter queue the construct creates");

    /// <summary>EventBridge delivers undeliverable keep-warm pings or events to an encrypted dead-letter queue (rules of this account only).</summary>
    public static KeyPolicyGrant EventBridgeDeadLetters() => new(new PolicyStatement(new PolicyStatementProps
    {
        Sid = "EventBridgeSendsToDeadLetterQueues",
        Principals = [new ServicePrincipal("events.amazonaws.com")],
        Actions = ["kms:GenerateDataKey", "kms:Decrypt"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
        },
    }), "statement EventBridgeSendsToDeadLetterQueues allowing service events.amazonaws.com kms:GenerateDataKey and " +
        "kms:Decrypt when aws:SourceAccount is the stack's account");

    /// <summary>
    /// Only AWS services create grants on the key, for AWS resources (DynamoDB and Lambda do so for the table and the
    /// functions' variables): AWS Control Tower's CT.KMS.PR.3.
    /// </summary>
    private static PolicyStatement OnlyAwsServicesCreateGrants() => new(new PolicyStatementProps
    {
        Sid = "OnlyAwsServicesCreateGrants",
        Effect = Effect.DENY,
        Principals = [new AnyPrincipal()],
        Actions = ["kms:CreateGrant"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["BoolIfExists"] = new Dictionary<string, object>
            {
                ["kms:GrantIsForAWSResource"] = "false",
                ["aws:PrincipalIsAWSService"] = "false",
            },
        },
    });
}
