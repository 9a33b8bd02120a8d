using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;
using Serverless.WebApp.Constructs.Functions;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>
/// The private static-files bucket (deployed with the stack), the optional uploads bucket and the access-log bucket
/// they log to. Bucket names reach the function through the contract's environment variables.
/// </summary>
internal static class AssetsBuilder
{
    public static AssetsParts Build(Construct scope, ServerlessWebAppProps props, FunctionParts web, IKey? key)
    {
        var staticPath = AssetsDefaults.StaticAssetsPath(props);
        var wantsUploads = props.UploadsBucket == true;
        if (staticPath is null && !wantsUploads) return new AssetsParts(null, null, null, null);

        var removalPolicy = AssetsDefaults.RemovalPolicy(props);
        var accessLogs = AccessLogsBuckets.For(scope, props);

        Bucket? staticBucket = null;
        BucketDeployment? deployment = null;
        CfnFunction? handler = null;
        if (staticPath is not null)
        {
            // No default retention: every deployment rewrites and prunes these files.
            staticBucket = new Bucket(scope, "StaticAssetsBucket", AssetsDefaults.WithObjectLock(
                AssetsDefaults.SecureBucket(removalPolicy, accessLogs, "static-assets/", key), props, withDefaultRetention: false));
            BucketEventNotifications.SendToEventBridge(staticBucket);
            (deployment, handler) = Deploy(scope, props, staticPath, staticBucket, key);
            web.Identity.Grant(FunctionPermissions.ReadObjects(staticBucket));
            web.Function.AddEnvironment(SwaEnvironment.StaticBucket, staticBucket.BucketName);
        }

        Bucket? uploads = null;
        if (wantsUploads)
        {
            uploads = new Bucket(scope, "UploadsBucket", AssetsDefaults.WithObjectLock(
                AssetsDefaults.SecureBucket(removalPolicy, accessLogs, "uploads/", key), props, withDefaultRetention: true));
            BucketEventNotifications.SendToEventBridge(uploads);
            web.Identity.Grant(FunctionPermissions.ReadWriteObjects(uploads));
            web.Function.AddEnvironment(SwaEnvironment.UploadsBucket, uploads.BucketName);
        }
        return new AssetsParts(staticBucket, deployment, uploads, accessLogs, handler);
    }

    private static (BucketDeployment Deployment, CfnFunction? Handler) Deploy(Construct scope, ServerlessWebAppProps props, string staticPath, IBucket bucket, IKey? key)
    {
        var suppliedRole = props.AssetDeploymentRole is null ? null : RoleBuilder.Adopt(scope, "AssetDeploymentRole", props.AssetDeploymentRole);
        var deployment = new BucketDeployment(scope, "StaticAssetsDeployment", new BucketDeploymentProps
        {
            Sources = new[] { Source.Asset(staticPath) },
            DestinationBucket = bucket,
            Prune = true,
            RetainOnDelete = true,
            Role = suppliedRole,
            MemoryLimit = DeploymentHandler.MemoryMb,
            // In the app's VPC like its functions, so organisations that require every function in a VPC
            // (Control Tower's CT.LAMBDA.PR.3) accept the helper too; CDK then runs one helper per stack and VPC.
            Vpc = props.Vpc,
            VpcSubnets = props.Vpc is null ? null : props.VpcSubnets,
        });
        var traced = FunctionDefaults.Tracing(props) == Amazon.CDK.AWS.Lambda.Tracing.ACTIVE;
        var handler = DeploymentHandler.Of(deployment, props.Vpc);
        if (traced && handler is not null) DeploymentHandler.TraceActively(handler);
        if (suppliedRole is not null)
        {
            var grantee = RoleBuilder.GranteeForSuppliedRole(scope, "AssetDeploymentRolePermissions", "static-assets-deployment", suppliedRole);
            FunctionPermissions.Grant(grantee, FunctionPermissions.ReadWriteObjects(bucket));
            if (key is not null) FunctionPermissions.Grant(grantee, FunctionPermissions.UseKey(key));
            if (traced) FunctionPermissions.Grant(grantee, FunctionPermissions.WriteTraces());
            if (props.Vpc is not null) FunctionPermissions.Grant(grantee, FunctionPermissions.ManageNetworkInterfaces());
        }
        else
        {
            var handlerRole = deployment.HandlerRole;
            if (traced) FunctionPermissions.Grant(handlerRole, FunctionPermissions.WriteTraces());
            if (key is not null) FunctionPermissions.Grant(handlerRole, FunctionPermissions.UseKey(key));
            // CDK creates the helper function (and its role) once per stack, outside this construct's subtree, so the
            // organisation's boundary, path and name prefix are applied to that role explicitly.
            OrganisationRolePolicy.Apply(handlerRole, props);
            Amazon.CDK.Aspects.Of(handlerRole).Add(new ExplicitActions());
        }
        return (deployment, handler);
    }
}
