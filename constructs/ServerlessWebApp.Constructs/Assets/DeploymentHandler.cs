using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3.Deployment;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>
/// CDK's BucketDeployment handler: one singleton function per stack, memory size and VPC, created as a direct child of
/// the stack (<c>Custom::CDKBucketDeployment&lt;uuid&gt;&lt;memory&gt;MiB</c>, then the VPC's construct address when it
/// runs in one). The construct's deployments use <see cref="MemoryMb"/>, which also tells its handler apart from one a
/// user's own BucketDeployment creates.
/// </summary>
internal static class DeploymentHandler
{
    /// <summary>Explicit memory of the handler (CDK's default is Lambda's 128 MB); it copies files with the AWS CLI.</summary>
    public const int MemoryMb = 256;

    private const string IdPrefix = "CustomCDKBucketDeployment";

    /// <summary>The handler function the construct's deployments in this stack (and <paramref name="vpc"/>) run on, once created.</summary>
    public static CfnFunction? Of(BucketDeployment deployment, IVpc? vpc)
    {
        var suffix = $"{MemoryMb}MiB{vpc?.Node.Addr}";
        return Stack.Of(deployment).Node.Children
            .Select(c => c.Node)
            .Where(node => IsHandlerId(node.Id, suffix))
            .Select(node => node.DefaultChild)
            .OfType<CfnFunction>()
            .FirstOrDefault();
    }

    /// <summary>Turns on active X-Ray tracing on the handler (BucketDeployment offers no tracing prop).</summary>
    public static void TraceActively(CfnFunction handler) =>
        handler.TracingConfig = new CfnFunction.TracingConfigProperty { Mode = "Active" };

    private static bool IsHandlerId(string id, string suffix)
    {
        var slug = new string(id.Where(char.IsLetterOrDigit).ToArray());
        return slug.StartsWith(IdPrefix, StringComparison.Ordinal) && slug.EndsWith(suffix, StringComparison.Ordinal);
    }
}
