using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;

namespace Serverless.WebApp.Constructs.Assets;

/// <summary>The app's buckets; unused members are null.</summary>
/// <param name="StaticAssetsBucket">The private bucket with the app's static files.</param>
/// <param name="StaticAssetsDeployment">The deployment that copies the static files into it.</param>
/// <param name="UploadsBucket">The uploads bucket.</param>
/// <param name="AccessLogsBucket">The server-access-log bucket of the others.</param>
/// <param name="StaticAssetsHandler">The stack's BucketDeployment handler the deployment runs on (<see cref="DeploymentHandler"/>), found once.</param>
internal sealed record AssetsParts(
    IBucket? StaticAssetsBucket,
    BucketDeployment? StaticAssetsDeployment,
    IBucket? UploadsBucket,
    IBucket? AccessLogsBucket,
    CfnFunction? StaticAssetsHandler = null);
