using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Where the <c>DataProtection</c> resources are, against the stack the app deploys to: AWS services encrypt only with
/// a KMS key of their own region, and S3 delivers server access logs only to a bucket in the logged bucket's account
/// and region. Known when both sides are concrete: an imported key's ARN names its account and region, an imported
/// bucket has the account and region it was imported with (by default its stack's), and an environment-agnostic stack
/// has neither, so nothing is checked there.
/// </summary>
internal static class DataProtectionPlacementCheck
{
    public static void Check(Findings findings, ServerlessWebApp app)
    {
        if (app.Props.DataProtection is not { } protection) return;
        var stack = Stack.Of(app);
        if (protection.EncryptionKey?.Supplied is { } key && Differs(key.Env.Region, stack.Region))
            findings.Error($"{DataProtectionChecks.Owner}.{nameof(protection.EncryptionKey)}",
                $"is a key in region {key.Env.Region}, but the stack deploys to {stack.Region}; allowed: a key in {stack.Region} " +
                "(SQS, DynamoDB, S3, CloudWatch Logs and Lambda encrypt only with a key in their own region)");
        if (protection.AccessLogsBucket is not { } logs) return;
        var property = $"{DataProtectionChecks.Owner}.{nameof(protection.AccessLogsBucket)}";
        if (Differs(logs.Env.Account, stack.Account))
            findings.Error(property, $"is a bucket of account {logs.Env.Account}, but the stack deploys to account {stack.Account}; " +
                $"allowed: a bucket of account {stack.Account} (S3 delivers server access logs only within the logged bucket's account)");
        if (Differs(logs.Env.Region, stack.Region))
            findings.Error(property, $"is a bucket in region {logs.Env.Region}, but the stack deploys to {stack.Region}; " +
                $"allowed: a bucket in {stack.Region} (S3 delivers server access logs only within the logged bucket's region)");
    }

    private static bool Differs(string value, string expected) =>
        !Token.IsUnresolved(value) && !Token.IsUnresolved(expected) && !string.Equals(value, expected, StringComparison.Ordinal);
}
