using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Serverless.WebApp.Constructs.KeepWarming;
using Serverless.WebApp.Constructs.Tasks;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>
/// <c>DataProtection</c> settings AWS would refuse at deploy time are synth errors on the construct that name the
/// property and what is allowed: keys the services cannot encrypt with or be granted, access-log buckets S3 does not
/// deliver to, and, where both sides are known, resources in another account or region than the stack.
/// </summary>
[Collection("cdk")]
public class DataProtectionValidationTests
{
    private const string Account = "123456789012";

    private static Stack BoundStack() =>
        new(TestFolders.NewApp(), "Bound", new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = "eu-west-1" } });

    /// <summary>Builds the app with an uploads bucket (so access logs have a bucket to come from) and returns the construct's synth errors.</summary>
    private static (ServerlessWebApp App, IReadOnlyList<string> Errors) Synth(Stack stack, Func<Stack, ServerlessWebAppDataProtectionProps> protection)
    {
        var props = TestStacks.Props(p => p.UploadsBucket = true);
        props.DataProtection = protection(stack);
        var app = new ServerlessWebApp(stack, "WebApp", props);
        return (app, SynthMessages.ErrorsOn(stack, $"/{stack.StackName}/WebApp"));
    }

    [Fact]
    public void AnAliasIsRefusedBecauseGrantsAndLambdaNeedTheKeyArn()
    {
        var (app, errors) = Synth(BoundStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            EncryptionKey = CustomerManagedKey.Use(Alias.FromAliasName(stack, "PlatformAlias", "alias/platform")),
        });

        Assert.Equal(
        [
            "DataProtection.EncryptionKey is a KMS alias ('alias/platform'); allowed: the key itself (e.g. Key.FromKeyArn), because IAM " +
            "grants and Lambda's environment encryption need the key's ARN, not the alias's.",
        ], errors);
        Assert.Empty(app.Node.Children);
    }

    [Fact]
    public void KeysThatCannotEncryptAreRefusedWithTheirSpecAndUsage()
    {
        var (_, errors) = Synth(BoundStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            EncryptionKey = CustomerManagedKey.Use(new Key(stack, "MacKey", new KeyProps { KeySpec = KeySpec.HMAC_256, KeyUsage = KeyUsage.GENERATE_VERIFY_MAC })),
        });

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("DataProtection.EncryptionKey is an asymmetric or HMAC key (KeySpec HMAC_256); allowed: a symmetric encryption key (KeySpec SYMMETRIC_DEFAULT)", errors[0]);
        Assert.Equal("DataProtection.EncryptionKey is a GENERATE_VERIFY_MAC key; allowed: a key with KeyUsage ENCRYPT_DECRYPT.", errors[1]);
    }

    [Fact]
    public void AccessLogBucketsS3CannotDeliverToAreRefused()
    {
        // GIVEN an imported bucket with a KMS key, and a bucket of the app with SSE-KMS (no key object) and Object Lock
        var (_, imported) = Synth(BoundStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            AccessLogsBucket = Bucket.FromBucketAttributes(stack, "Logs", new BucketAttributes
            {
                BucketName = "platform-access-logs",
                EncryptionKey = Key.FromKeyArn(stack, "LogsKey", $"arn:aws:kms:eu-west-1:{Account}:key/11111111-2222-3333-4444-555555555555"),
            }),
        });
        var (_, defined) = Synth(BoundStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            AccessLogsBucket = new Bucket(stack, "Logs", new BucketProps { Encryption = BucketEncryption.KMS_MANAGED, ObjectLockEnabled = true }),
        });

        // THEN each is a synth error naming what S3 needs
        const string kms = "DataProtection.AccessLogsBucket is encrypted with AWS KMS; allowed: a bucket with S3-managed encryption (SSE-S3), the only kind S3 delivers server access logs to.";
        Assert.Equal([kms], imported);
        Assert.Equal([kms, "DataProtection.AccessLogsBucket has S3 Object Lock; allowed: a bucket without Object Lock, since S3 does not deliver server access logs to one with it."], defined);
    }

    [Fact]
    public void AKeyAndAnAccessLogBucketElsewhereThanTheStackAreSynthErrors()
    {
        // GIVEN a stack in eu-west-1 of 123456789012, a key in us-east-1 and a log bucket of another account in us-east-1
        var (app, errors) = Synth(BoundStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            EncryptionKey = CustomerManagedKey.Use(Key.FromKeyArn(stack, "Key", $"arn:aws:kms:us-east-1:{Account}:key/11111111-2222-3333-4444-555555555555")),
            AccessLogsBucket = Bucket.FromBucketAttributes(stack, "Logs", new BucketAttributes { BucketName = "central-logs", Account = "999999999999", Region = "us-east-1" }),
        });

        // THEN the app is built (the check needs the stack it is in), and synth fails with all three
        Assert.NotEmpty(app.Node.Children);
        Assert.Equal(
        [
            "DataProtection.EncryptionKey is a key in region us-east-1, but the stack deploys to eu-west-1; allowed: a key in eu-west-1 " +
            "(SQS, DynamoDB, S3, CloudWatch Logs and Lambda encrypt only with a key in their own region).",
            "DataProtection.AccessLogsBucket is a bucket of account 999999999999, but the stack deploys to account 123456789012; allowed: a " +
            "bucket of account 123456789012 (S3 delivers server access logs only within the logged bucket's account).",
            "DataProtection.AccessLogsBucket is a bucket in region us-east-1, but the stack deploys to eu-west-1; allowed: a bucket in " +
            "eu-west-1 (S3 delivers server access logs only within the logged bucket's region).",
        ], errors);
    }

    [Fact]
    public void ResourcesOfTheStacksAccountAndRegionPassAndAnEnvironmentAgnosticStackIsNotJudged()
    {
        // GIVEN the platform's key and log bucket where the bound stack is
        var (_, bound) = Synth(BoundStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            EncryptionKey = CustomerManagedKey.Use(Key.FromKeyArn(stack, "Key", $"arn:aws:kms:eu-west-1:{Account}:key/11111111-2222-3333-4444-555555555555")),
            AccessLogsBucket = Bucket.FromBucketName(stack, "Logs", "platform-access-logs"),
        });
        // AND a key in another region given to a stack that does not know its region
        var (_, agnostic) = Synth(TestStacks.NewStack(), stack => new ServerlessWebAppDataProtectionProps
        {
            EncryptionKey = CustomerManagedKey.Use(Key.FromKeyArn(stack, "Key", $"arn:aws:kms:us-east-1:{Account}:key/11111111-2222-3333-4444-555555555555")),
        });

        // THEN neither has an error: the second cannot be known before deployment
        Assert.Empty(bound);
        Assert.Empty(agnostic);
    }

    [Fact]
    public void EveryDataProtectionErrorComesInOneSynthWithTheOthers()
    {
        var (_, errors) = Synth(BoundStack(), stack =>
        {
            var props = new ServerlessWebAppDataProtectionProps
            {
                EncryptionKey = CustomerManagedKey.Use(Alias.FromAliasName(stack, "PlatformAlias", "alias/platform")),
                AccessLogsBucket = new Bucket(stack, "Logs", new BucketProps { ObjectLockEnabled = true }),
            };
            return props;
        });

        Assert.Equal(["DataProtection.EncryptionKey", "DataProtection.AccessLogsBucket"], errors.Select(e => e[..e.IndexOf(' ')]));
    }

    [Fact]
    public void TheTaskSubConstructsApplyTheSameKeyAndLogBucketRules()
    {
        // GIVEN the task queue and the keep-warm ping built on their own with an alias and a KMS-encrypted log bucket
        var (stack, app) = TestStacks.Create(p => p.Tasks = new ServerlessWebAppTasksProps());
        var alias = Alias.FromAliasName(stack, "PlatformAlias", "alias/platform");
        _ = new TaskQueue(stack, "MoreTasks", new TaskQueueProps
        {
            WorkerAlias = app.WorkerAlias!,
            WorkerTimeout = Duration.Minutes(1),
            PayloadBucket = true,
            EncryptionKey = alias,
            AccessLogsBucket = new Bucket(stack, "KmsLogs", new BucketProps { Encryption = BucketEncryption.KMS_MANAGED }),
        });
        _ = new KeepWarm(stack, "MorePings", new KeepWarmProps { Alias = app.Alias, EncryptionKey = alias });

        // THEN each construct names its own props
        Assert.Equal(["TaskQueueProps.EncryptionKey", "TaskQueueProps.AccessLogsBucket"],
            SynthMessages.ErrorsOn(stack, "/TestStack/MoreTasks").Select(e => e[..e.IndexOf(' ')]));
        Assert.Equal(["KeepWarmProps.EncryptionKey"], SynthMessages.ErrorsOn(stack, "/TestStack/MorePings").Select(e => e[..e.IndexOf(' ')]));
    }
}
