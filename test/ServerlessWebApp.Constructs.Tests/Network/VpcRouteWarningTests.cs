using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Network;

/// <summary>
/// Tasks in isolated subnets reach SQS, DynamoDB and S3 only through VPC endpoints, and so does the static files'
/// deployment helper, which runs in the same subnets: synth warns when the app defines none for a service they need,
/// naming the endpoint to add and its price.
/// </summary>
[Collection("cdk")]
public class VpcRouteWarningTests
{
    private static readonly SubnetSelection Isolated = new() { SubnetType = SubnetType.PRIVATE_ISOLATED };

    private static Vpc IsolatedVpc(Stack stack) => new(stack, "Vpc", new VpcProps
    {
        MaxAzs = 2,
        NatGateways = 0,
        SubnetConfiguration = [new SubnetConfiguration { Name = "isolated", SubnetType = SubnetType.PRIVATE_ISOLATED }],
    });

    private static List<string> RouteWarnings(Stack stack) =>
        SynthMessages.Warnings(stack)
            .Where(w => w.Message.Contains(ServerlessWebAppWarnings.NoRouteToTaskServices, StringComparison.Ordinal))
            .Select(w => { Assert.Equal("/TestStack/WebApp", w.Path); return w.Message; })
            .ToList();

    [Fact]
    public void TasksInIsolatedSubnetsWithoutEndpointsWarnWithEachEndpointAndItsPrice()
    {
        // GIVEN tasks with a status table in a VPC of isolated subnets only, and no endpoint
        var (stack, _) = TestStacks.Create(p => { p.Tasks = new ServerlessWebAppTasksProps(); p.VpcSubnets = Isolated; }, (stack, p) => p.Vpc = IsolatedVpc(stack));

        // THEN synth warns about SQS and DynamoDB, with the free gateway endpoint and the priced interface endpoint
        var warning = Assert.Single(RouteWarnings(stack));
        Assert.Contains("without a route to SQS, DynamoDB: 2 of the 2 selected subnets are isolated", warning);
        Assert.Contains("the web function cannot enqueue tasks and the functions cannot record or read task status", warning);
        Assert.Contains("a DynamoDB gateway endpoint (free)", warning);
        Assert.Contains("GatewayVpcEndpointAwsService.DYNAMODB", warning);
        Assert.Contains("an SQS interface endpoint (about $0.01 per hour per AZ, ≈ $7.30 a month per AZ, plus $0.01 per GB processed)", warning);
        Assert.Contains("InterfaceVpcEndpointAwsService.SQS", warning);
        Assert.DoesNotContain("S3", warning);
    }

    [Fact]
    public void EndpointsAddedAfterTheConstructCount()
    {
        // GIVEN the construct first, then the app adds both endpoints to the VPC
        Vpc vpc = null!;
        var (stack, _) = TestStacks.Create(p => { p.Tasks = new ServerlessWebAppTasksProps(); p.VpcSubnets = Isolated; }, (stack, p) => p.Vpc = vpc = IsolatedVpc(stack));
        vpc.AddGatewayEndpoint("DynamoDb", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB });
        vpc.AddInterfaceEndpoint("Sqs", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.SQS });

        // THEN there is nothing to warn about
        Assert.Empty(RouteWarnings(stack));
    }

    [Fact]
    public void OnlyTheServicesWithoutAnEndpointAreNamed()
    {
        // GIVEN a DynamoDB gateway endpoint only, and a payload bucket
        var (stack, _) = TestStacks.Create(p => { p.Tasks = new ServerlessWebAppTasksProps { PayloadBucket = true }; p.VpcSubnets = Isolated; }, (stack, p) =>
        {
            var vpc = IsolatedVpc(stack);
            vpc.AddGatewayEndpoint("DynamoDb", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB });
            p.Vpc = vpc;
        });

        // THEN SQS and S3 are named, DynamoDB is not
        var warning = Assert.Single(RouteWarnings(stack));
        Assert.Contains("without a route to SQS, S3:", warning);
        Assert.Contains("an S3 gateway endpoint (free)", warning);
        Assert.DoesNotContain("DynamoDB", warning);
    }

    [Fact]
    public void SubnetsWithEgressOrAnAppWithoutTasksRaiseNoWarning()
    {
        var (withEgress, _) = TestStacks.Create(p => p.Tasks = new ServerlessWebAppTasksProps(), (stack, p) => p.Vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 1, NatGateways = 1 }));
        Assert.Empty(RouteWarnings(withEgress));
        var (withoutTasks, _) = TestStacks.Create(p => p.VpcSubnets = Isolated, (stack, p) => p.Vpc = IsolatedVpc(stack));
        Assert.Empty(RouteWarnings(withoutTasks));
    }

    [Fact]
    public void AnImportedVpcWithIsolatedSubnetsWarnsUntilAcknowledged()
    {
        // GIVEN an existing VPC whose endpoints, if any, were made outside this app
        static Stack Build()
        {
            var (stack, _) = TestStacks.Create(p => { p.Tasks = new ServerlessWebAppTasksProps(); p.VpcSubnets = Isolated; }, (stack, p) =>
                p.Vpc = Vpc.FromVpcAttributes(stack, "Existing", new VpcAttributes
                {
                    VpcId = "vpc-1",
                    AvailabilityZones = ["eu-west-1a"],
                    IsolatedSubnetIds = ["subnet-1"],
                }));
            return stack;
        }

        // THEN synth warns; acknowledged on the stack by its id, it does not
        Assert.Single(RouteWarnings(Build()));
        var acknowledged = Build();
        Amazon.CDK.Annotations.Of(acknowledged).AcknowledgeWarning(ServerlessWebAppWarnings.NoRouteToTaskServices, "Endpoints are in the shared network account.");
        Assert.Empty(RouteWarnings(acknowledged));
    }

    private static List<string> StaticAssetsWarnings(Stack stack) =>
        SynthMessages.Warnings(stack)
            .Where(w => w.Message.Contains(ServerlessWebAppWarnings.NoRouteForStaticAssets, StringComparison.Ordinal))
            .Select(w => w.Message)
            .ToList();

    [Fact]
    public void StaticFilesDeployedInIsolatedSubnetsWithoutAnS3EndpointWarnUntilTheEndpointIsAdded()
    {
        // GIVEN static files and isolated subnets, first without an endpoint, then with the S3 gateway endpoint
        var (without, _) = TestStacks.Create(p => { p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; p.VpcSubnets = Isolated; },
            (stack, p) => p.Vpc = IsolatedVpc(stack));
        var (with, _) = TestStacks.Create(p => { p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; p.VpcSubnets = Isolated; }, (stack, p) =>
        {
            var vpc = IsolatedVpc(stack);
            vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
            p.Vpc = vpc;
        });

        // THEN only the first warns, with the free endpoint to add; no task warning comes with it (no tasks)
        var warning = Assert.Single(StaticAssetsWarnings(without));
        Assert.Contains("BucketDeployment helper in the app's VPC subnets, without a route to S3: 2 of the 2 selected subnets are isolated", warning);
        Assert.Contains("GatewayVpcEndpointAwsService.S3", warning);
        Assert.Empty(RouteWarnings(without));
        Assert.Empty(StaticAssetsWarnings(with));
    }
}
