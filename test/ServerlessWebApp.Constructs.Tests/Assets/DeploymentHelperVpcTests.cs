using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Serverless.WebApp.Constructs.Iam;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Assets;

/// <summary>
/// With a VPC, CDK's helper that deploys the static files runs in the app's subnets like its functions, so an
/// organisation that requires every function in a VPC accepts it too; its role gets what Lambda needs for that.
/// </summary>
[Collection("cdk")]
public class DeploymentHelperVpcTests
{
    private const string HandlerPrefix = "CustomCDKBucketDeployment";

    private static void InVpc(Stack stack, ServerlessWebAppProps p)
    {
        p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
        p.Vpc = Vpc.FromVpcAttributes(stack, "Vpc", new VpcAttributes
        {
            VpcId = "vpc-1",
            AvailabilityZones = ["eu-west-1a", "eu-west-1b"],
            PrivateSubnetIds = ["subnet-a", "subnet-b"],
        });
    }

    private static IDictionary<string, object> Handler(Template template) =>
        TestStacks.Properties((IDictionary<string, object>)template.FindResources("AWS::Lambda::Function")
            .Single(f => f.Key.StartsWith(HandlerPrefix, StringComparison.Ordinal)).Value);

    [Fact]
    public void TheHelperRunsInTheAppsSubnetsTracedAndItsVpcPolicyIsAcknowledged()
    {
        // GIVEN an app in a VPC with static files
        var template = TestStacks.Synth(arrange: InVpc);

        // THEN the helper is in the app's subnets, with a security group of its own
        var handler = Handler(template);
        var vpcConfig = JsonSerializer.Serialize(handler["VpcConfig"]);
        Assert.Contains("\"SubnetIds\":[\"subnet-a\",\"subnet-b\"]", vpcConfig);
        Assert.Contains("SecurityGroupIds", vpcConfig);
        // AND the construct still finds it in the stack (its id now ends with the VPC's address): it is traced
        Assert.Equal("{\"Mode\":\"Active\"}", JsonSerializer.Serialize(handler["TracingConfig"]));
        // AND CDK's role holds the VPC access policy Lambda needs, acknowledged for cdk-nag with its reason
        var role = template.FindResources("AWS::IAM::Role").Single(r => r.Key.StartsWith(HandlerPrefix, StringComparison.Ordinal)).Value;
        var json = JsonSerializer.Serialize(role);
        Assert.Contains("service-role/AWSLambdaVPCAccessExecutionRole", json);
        Assert.Contains("AWSLambdaVPCAccessExecutionRole when the handler runs in the", json);
    }

    [Fact]
    public void WithoutAVpcTheHelperStaysOutsideAnyVpc()
    {
        var template = TestStacks.Synth(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot);
        Assert.False(Handler(template).ContainsKey("VpcConfig"));
    }

    [Fact]
    public void ASuppliedDeploymentRoleIsToldItNeedsTheNetworkInterfaceActions()
    {
        // GIVEN supplied roles in a VPC, with static files
        var artifacts = Directory.CreateTempSubdirectory("swa-helper-vpc-").FullName;
        try
        {
            var app = TestFolders.NewApp(new AppProps { Context = new Dictionary<string, object> { [ArtifactsDirectory.ContextKey] = artifacts } });
            var stack = new Stack(app, "Supplied");
            var props = TestStacks.Props();
            InVpc(stack, props);
            props.Role = Role.FromRoleArn(stack, "Web", "arn:aws:iam::123456789012:role/web", new FromRoleArnOptions { Mutable = false });
            props.AssetDeploymentRole = Role.FromRoleArn(stack, "Deployer", "arn:aws:iam::123456789012:role/deployer", new FromRoleArnOptions { Mutable = false });
            _ = new ServerlessWebApp(stack, "WebApp", props);
            app.Synth();

            // THEN the report lists the network-interface actions for the deployment helper's role
            var report = Directory.GetFiles(Path.Combine(artifacts, "artifacts", "iam"), "*.required-permissions.json").Single();
            using var document = JsonDocument.Parse(File.ReadAllText(report));
            var helper = document.RootElement.GetProperty("functions").EnumerateArray()
                .Single(f => f.GetProperty("function").GetString() == "static-assets-deployment");
            var actions = helper.GetProperty("statements").EnumerateArray()
                .SelectMany(s => s.GetProperty("actions").EnumerateArray().Select(a => a.GetString()))
                .ToList();
            Assert.Contains("ec2:CreateNetworkInterface", actions);
            Assert.Contains("ec2:DeleteNetworkInterface", actions);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
