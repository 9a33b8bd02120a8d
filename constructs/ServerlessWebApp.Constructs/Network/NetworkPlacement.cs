using Amazon.CDK.AWS.EC2;

namespace Serverless.WebApp.Constructs.Network;

/// <summary>VPC, subnets and security groups shared by every function of the app.</summary>
internal sealed record NetworkPlacement(IVpc Vpc, SubnetSelection? Subnets, ISecurityGroup[] SecurityGroups);
