using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Rewrites the wildcard S3 and KMS actions CDK's own grants use (<c>s3:GetObject*</c>, <c>s3:List*</c>,
/// <c>kms:GenerateDataKey*</c>, ...) into the explicit actions they are needed for, so policies of CDK helper roles
/// under the construct (BucketDeployment) contain no wildcard action either. Other statements are left as they are.
/// </summary>
internal sealed class ExplicitActions : DeputyBase, IAspect
{
    private static readonly Dictionary<string, string[]> Replacements = new(StringComparer.Ordinal)
    {
        ["s3:GetObject*"] = new[] { "s3:GetObject" },
        ["s3:GetBucket*"] = new[] { "s3:GetBucketLocation" },
        ["s3:List*"] = new[] { "s3:ListBucket" },
        ["s3:DeleteObject*"] = new[] { "s3:DeleteObject" },
        ["s3:Abort*"] = new[] { "s3:AbortMultipartUpload" },
        // A bucket encrypted with the app's key: the deployment writes new objects (a data key each, or one per bucket
        // key) and reads the ones it compares; it never re-encrypts under another key.
        ["kms:GenerateDataKey*"] = new[] { "kms:GenerateDataKey" },
        ["kms:ReEncrypt*"] = Array.Empty<string>(),
    };

    public void Visit(IConstruct node)
    {
        if (node is not CfnPolicy policy) return;
        if (Stack.Of(policy).Resolve(policy.PolicyDocument) is not IDictionary<string, object> document) return;
        if (document.TryGetValue("Statement", out var statements) is false || statements is not object[] list) return;

        var changed = false;
        var rewritten = list.Select(statement =>
        {
            if (statement is not IDictionary<string, object> s || !s.TryGetValue("Action", out var action)) return statement;
            var actions = action is string single ? new[] { single } : ((object[])action).Cast<string>().ToArray();
            if (!actions.Any(Replacements.ContainsKey)) return statement;
            changed = true;
            var copy = new Dictionary<string, object>(s)
            {
                ["Action"] = actions.SelectMany(a => Replacements.TryGetValue(a, out var explicitActions) ? explicitActions : new[] { a }).Distinct().ToArray(),
            };
            return (object)copy;
        }).ToArray();

        if (changed) policy.AddPropertyOverride("PolicyDocument.Statement", rewritten);
    }
}
