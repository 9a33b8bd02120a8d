using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>A plain dotnet10 function with a <c>live</c> alias, as the main construct creates them (code from a bucket: no asset, no bundling).</summary>
internal sealed record TestFunction(Function Function, Alias Alias)
{
    public static TestFunction Create(Construct scope, string id, int timeoutSeconds = 30, Amazon.CDK.AWS.IAM.IRole? role = null)
    {
        var code = Bucket.FromBucketName(scope, id + "CodeBucket", "code-bucket");
        var function = new Function(scope, id, new FunctionProps
        {
            Runtime = new Runtime("dotnet10", RuntimeFamily.DOTNET_CORE),
            Handler = "FoundryService",
            Code = Code.FromBucket(code, id + ".zip"),
            Timeout = Duration.Seconds(timeoutSeconds),
            Role = role,
        });
        var alias = new Alias(scope, id + "Live", new AliasProps { AliasName = "live", Version = function.CurrentVersion });
        return new TestFunction(function, alias);
    }

    public string LogicalId => Stack.Of(Function).GetLogicalId((CfnElement)Function.Node.DefaultChild!);

    public string AliasLogicalId => Stack.Of(Alias).GetLogicalId((CfnElement)Alias.Node.DefaultChild!);

    /// <summary>Logical id of the role CDK created for the function (only when no role was supplied).</summary>
    public string RoleLogicalId => Stack.Of(Function).GetLogicalId((CfnElement)Function.Role!.Node.DefaultChild!);
}
