using System.Text.RegularExpressions;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Warns when tasks run in VPC subnets that cannot reach the services they need: SQS (the web function enqueues),
/// DynamoDB (the status table) and S3 (the payload bucket); and when the static files' deployment helper, which runs in
/// the same subnets, cannot reach S3. What synth can know: a selected subnet the VPC lists as
/// isolated has no NAT and no internet gateway, so it reaches a service only through a VPC endpoint; an endpoint counts
/// when this CDK app defines it for the same VPC, anywhere in the app. Runs at synth, so endpoints added after the
/// construct count too.
/// </summary>
internal static partial class VpcRouteCheck
{
    private sealed record Service(string Name, string EndpointSuffix, string Need, string Endpoint);

    private static readonly Service Sqs = new("SQS", ".sqs", "the web function cannot enqueue tasks",
        "an SQS interface endpoint (about $0.01 per hour per AZ, ≈ $7.30 a month per AZ, plus $0.01 per GB processed): " +
        "vpc.AddInterfaceEndpoint(\"Sqs\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.SQS })");

    private static readonly Service DynamoDb = new("DynamoDB", ".dynamodb", "the functions cannot record or read task status",
        "a DynamoDB gateway endpoint (free): " +
        "vpc.AddGatewayEndpoint(\"DynamoDb\", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB })");

    private static readonly Service S3 = new("S3", ".s3", "large task payloads cannot be stored or read",
        "an S3 gateway endpoint (free): " +
        "vpc.AddGatewayEndpoint(\"S3\", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 })");

    public static void Check(Findings findings, ServerlessWebApp app)
    {
        var props = app.Props;
        var deploysStaticFiles = app.Assets.StaticAssetsDeployment is not null;
        if (props.Vpc is not { } vpc || (props.Tasks is null && !deploysStaticFiles)) return;
        var isolated = vpc.IsolatedSubnets.Select(subnet => subnet.SubnetId).ToHashSet(StringComparer.Ordinal);
        if (isolated.Count == 0) return;
        var selected = vpc.SelectSubnets(props.VpcSubnets).SubnetIds;
        var isolatedSelected = selected.Count(isolated.Contains);
        if (isolatedSelected == 0) return;

        var endpoints = EndpointServiceNames(app, vpc.VpcId);
        bool Reachable(Service service) => endpoints.Any(name => name.EndsWith(service.EndpointSuffix, StringComparison.Ordinal));
        var subnets = $"{isolatedSelected} of the {selected.Length} selected subnets are isolated (SubnetType.PRIVATE_ISOLATED: no NAT, no internet gateway)";
        const string egress = "or select subnets with egress (SubnetType.PRIVATE_WITH_EGRESS, through a NAT). " +
            "Endpoints created outside this app cannot be seen at synth: acknowledge this warning then.";

        if (props.Tasks is { } tasks)
        {
            var needed = new List<Service> { Sqs };
            if (tasks.StatusTable ?? true) needed.Add(DynamoDb);
            if (tasks.PayloadBucket ?? false) needed.Add(S3);
            var missing = needed.Where(service => !Reachable(service)).ToList();
            if (missing.Count > 0)
                findings.Warning(ServerlessWebAppWarnings.NoRouteToTaskServices,
                    $"Tasks run in VPC subnets without a route to {string.Join(", ", missing.Select(s => s.Name))}: {subnets} and this app defines " +
                    $"no VPC endpoint for {(missing.Count == 1 ? "it" : "them")} in the VPC, so {string.Join(" and ", missing.Select(s => s.Need))}. " +
                    $"Add {string.Join("; and ", missing.Select(s => s.Endpoint))}; {egress}");
        }
        if (deploysStaticFiles && !Reachable(S3))
            findings.Warning(ServerlessWebAppWarnings.NoRouteForStaticAssets,
                $"The static files are deployed by CDK's BucketDeployment helper in the app's VPC subnets, without a route to S3: {subnets} and " +
                "this app defines no S3 endpoint in the VPC, so the helper can neither copy the files nor answer CloudFormation, and the stack " +
                $"deployment fails when the custom resource times out. Add {S3.Endpoint}; {egress}");
    }

    /// <summary>
    /// The service names of the VPC endpoints this app defines for the VPC (e.g. <c>com.amazonaws.&lt;region&gt;.sqs</c>),
    /// without the unresolved suffix CDK appends to interface endpoint names (a token resolved per region at synth).
    /// </summary>
    private static List<string> EndpointServiceNames(IConstruct scope, string vpcId) =>
        scope.Node.Root.Node.FindAll()
            .OfType<CfnVPCEndpoint>()
            .Where(endpoint => endpoint.VpcId == vpcId)
            .Select(endpoint => TrailingTokens().Replace(endpoint.ServiceName, ""))
            .ToList();

    [GeneratedRegex(@"(\$\{Token\[[^\]]+\]\})+$")]
    private static partial Regex TrailingTokens();
}
