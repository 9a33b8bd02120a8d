using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;

namespace ServerlessWebApp.Constructs.Assets;

/// <summary>The app's buckets; unused members are null.</summary>
internal sealed record AssetsParts(IBucket? StaticAssetsBucket, BucketDeployment? StaticAssetsDeployment, IBucket? UploadsBucket, IBucket? AccessLogsBucket);
