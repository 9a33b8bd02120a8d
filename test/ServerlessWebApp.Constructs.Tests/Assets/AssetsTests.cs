using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Assets;

[Collection("cdk")]
public class AssetsTests
{
    private static readonly Template WithWebRoot = TestStacks.Synth(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot);

    [Fact]
    public void WebRootIsDeployedToAPrivateBucketWhoseNameReachesTheFunction()
    {
        WithWebRoot.ResourceCountIs("Custom::CDKBucketDeployment", 1);
        var bucket = WithWebRoot.FindResources("AWS::S3::Bucket").Keys.Single(k => k.Contains("StaticAssets", StringComparison.Ordinal));
        WithWebRoot.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["SWA_STATIC_BUCKET"] = new Dictionary<string, object> { ["Ref"] = bucket } }),
            },
        }));
    }

    [Fact]
    public void EveryBucketBlocksPublicAccessIsEncryptedVersionedAndExpiresOldVersions()
    {
        var buckets = WithWebRoot.FindResources("AWS::S3::Bucket");
        Assert.Equal(2, buckets.Count); // static assets + their access logs
        WithWebRoot.AllResourcesProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["BucketEncryption"] = Match.AnyValue(),
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["LifecycleConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(new object[] { Match.ObjectLike(new Dictionary<string, object> { ["NoncurrentVersionExpiration"] = Match.AnyValue() }) }),
            }),
        }));
        WithWebRoot.AllResources("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" }));
    }

    [Fact]
    public void AssetBucketsLogAccessAndRefuseInsecureTransport()
    {
        WithWebRoot.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["DestinationBucketName"] = Match.AnyValue() }),
        }));
        WithWebRoot.AllResourcesProperties("AWS::S3::BucketPolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                }),
            }),
        }));
    }

    [Fact]
    public void DeploymentHelperPolicyUsesExplicitActions()
    {
        var policy = WithWebRoot.FindResources("AWS::IAM::Policy").Single(p => p.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal));
        var json = System.Text.Json.JsonSerializer.Serialize(policy.Value);
        Assert.Contains("\"s3:GetObject\"", json);
        Assert.Contains("\"s3:DeleteObject\"", json);
        Assert.DoesNotContain("s3:GetObject*", json);
        Assert.DoesNotContain("s3:List*", json);
        Assert.Contains("WebAppStaticAssetsBucket", json);
    }

    [Fact]
    public void ReadersOfStaticAssetsGetExplicitActionsOnly()
    {
        var (stack, app) = TestStacks.Create(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot);
        var reader = new Amazon.CDK.AWS.IAM.Role(stack, "Reader", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.AccountRootPrincipal() });
        app.GrantReadStaticAssets(reader);
        var policy = Template.FromStack(stack).FindResources("AWS::IAM::Policy").Single(p => p.Key.StartsWith("Reader", StringComparison.Ordinal));
        var json = System.Text.Json.JsonSerializer.Serialize(policy.Value);
        Assert.Contains("\"s3:GetObject\"", json);
        Assert.DoesNotContain("*\"", json.Replace("/*\"", ""));
    }

    [Fact]
    public void WithoutStaticFilesOrUploadsNoBucketIsCreated()
    {
        var (stack, app) = TestStacks.Create();
        Template.FromStack(stack).ResourceCountIs("AWS::S3::Bucket", 0);
        Assert.Null(app.StaticAssetsBucket);
    }

    [Fact]
    public void ExplicitStaticFolderIsDeployedAndCanBeTurnedOff()
    {
        TestStacks.Synth(p => p.StaticAssetsPath = PrebuiltApps.EmptyFolder("static")).ResourceCountIs("Custom::CDKBucketDeployment", 1);
        TestStacks.Synth(p => { p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; p.DeployStaticAssets = false; })
            .ResourceCountIs("Custom::CDKBucketDeployment", 0);
    }

    [Fact]
    public void UploadsBucketIsReadWriteForTheFunctionAndNamedInItsEnvironment()
    {
        var (stack, app) = TestStacks.Create(p => p.UploadsBucket = true);
        var template = Template.FromStack(stack);
        Assert.NotNull(app.UploadsBucket);
        var bucket = template.FindResources("AWS::S3::Bucket").Keys.Single(k => k.Contains("Uploads", StringComparison.Ordinal));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["SWA_UPLOADS_BUCKET"] = new Dictionary<string, object> { ["Ref"] = bucket } }),
            },
        }));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Action"] = new[] { "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload" } }),
                }),
            }),
        }));
    }
}
