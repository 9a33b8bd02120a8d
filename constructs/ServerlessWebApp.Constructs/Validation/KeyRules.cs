using Amazon.CDK.AWS.KMS;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// What a KMS key must be for the app's stores to encrypt with it and its roles to be granted it: a key, not an alias
/// (an IAM statement on an alias ARN grants nothing, and Lambda encrypts environment variables only with a key ARN),
/// and a symmetric encryption key (SQS, DynamoDB, S3, CloudWatch Logs and Lambda accept no other). The key spec and
/// usage are known for a key defined in this CDK app; an imported key is taken as it is.
/// </summary>
internal static class KeyRules
{
    private const string SymmetricSpec = "SYMMETRIC_DEFAULT";
    private const string EncryptUsage = "ENCRYPT_DECRYPT";

    public static void Check(Findings findings, IKey? key, string property)
    {
        if (key is null) return;
        if (key is IAlias alias)
        {
            findings.Error(property, $"is a KMS alias ('{alias.AliasName}'); allowed: the key itself (e.g. Key.FromKeyArn), because IAM grants " +
                "and Lambda's environment encryption need the key's ARN, not the alias's");
            return;
        }
        if (key.Node.DefaultChild is not CfnKey cfnKey) return;
        if (cfnKey.KeySpec is string spec && spec != SymmetricSpec)
            findings.Error(property, $"is an asymmetric or HMAC key (KeySpec {spec}); allowed: a symmetric encryption key (KeySpec {SymmetricSpec}), " +
                "the only kind SQS, DynamoDB, S3, CloudWatch Logs and Lambda encrypt with");
        if (cfnKey.KeyUsage is string usage && usage != EncryptUsage)
            findings.Error(property, $"is a {usage} key; allowed: a key with KeyUsage {EncryptUsage}");
    }
}
