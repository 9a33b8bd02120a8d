using Amazon.CDK.AWS.SSM;
using Constructs;
using Serverless.WebApp.Constructs;

namespace Serverless.WebApp.CdkApp;

/// <summary>
/// The key partner labs put in their sequence imports, read by the sample as <c>Foundry:LabKey</c>: a SecureString
/// parameter the platform team creates once per stage (<c>/foundry/&lt;stage&gt;/lab-key</c>), outside the stack, since
/// CloudFormation cannot create SecureString parameters and the value must never enter a template. The functions may read
/// it; the runtime reads it into configuration at start, and a missing parameter stops the start with its name.
/// </summary>
public static class LabKeySecret
{
    /// <summary>The configuration key the sample reads (<c>FoundryOptions.LabKey</c>).</summary>
    public const string ConfigurationKey = "Foundry:LabKey";

    public static string ParameterName(string stage) => $"/foundry/{stage}/lab-key";

    public static SecretReference Reference(Construct scope, string stage) =>
        SecretReference.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(scope, "LabKey",
            new SecureStringParameterAttributes { ParameterName = ParameterName(stage) }));
}
