using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Serverless.WebApp.Constructs.Network;

/// <summary>The function's place in a VPC: none without a VPC; otherwise the given or a new no-ingress security group.</summary>
internal static class NetworkBuilder
{
    public static NetworkPlacement? Build(ServerlessWebApp scope, ServerlessWebAppProps props)
    {
        if (props.Vpc is null) return null;
        var groups = props.SecurityGroups ?? new ISecurityGroup[]
        {
            new SecurityGroup(scope, "SecurityGroup", new SecurityGroupProps
            {
                Vpc = props.Vpc,
                AllowAllOutbound = true,
                Description = $"{scope.NodePath}: Lambda function (no ingress)",
            }),
        };
        return new NetworkPlacement(props.Vpc, props.VpcSubnets, groups);
    }
}
