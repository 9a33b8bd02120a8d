using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SSM;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// A secret the function reads at run time. Only its name or ARN reaches the function's environment; the value
/// never enters the template or the package. The function is granted read access to it.
/// </summary>
public sealed class SecretReference
{
    private SecretReference(IParameter? parameter, ISecret? secret)
    {
        Parameter = parameter;
        Secret = secret;
    }

    /// <summary>The SSM parameter, when the secret lives in Parameter Store.</summary>
    public IParameter? Parameter { get; }

    /// <summary>The Secrets Manager secret, when the secret lives there.</summary>
    public ISecret? Secret { get; }

    /// <summary>A (SecureString or String) SSM parameter; its name is passed to the function.</summary>
    public static SecretReference FromSsmParameter(IParameter parameter) => new(parameter, null);

    /// <summary>A Secrets Manager secret; its ARN is passed to the function.</summary>
    public static SecretReference FromSecretsManager(ISecret secret) => new(null, secret);
}
