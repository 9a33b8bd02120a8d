using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SSM;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// A secret the function reads at start into the configuration key it is mapped to (<c>Secrets["Db:Password"]</c>).
/// Only its name reaches the function's environment; the value never enters the template or the package. The function
/// is granted read access to it.
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

    /// <summary>
    /// A Secrets Manager secret; the function reads it through Parameter Store's
    /// <c>/aws/reference/secretsmanager/&lt;name&gt;</c>, so all secrets come in one batch.
    /// </summary>
    public static SecretReference FromSecretsManager(ISecret secret) => new(null, secret);

    /// <summary>The name the runtime asks Parameter Store for (a token until deploy).</summary>
    internal string ParameterStoreName => Parameter is not null
        ? Parameter.ParameterName
        : SwaSecrets.SecretsManagerReferencePrefix + Secret!.SecretName;
}
