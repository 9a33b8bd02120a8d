using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using Serverless.WebApp.Constructs.Tests.Iam;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Network;

[Collection("cdk")]
public class VpcTests
{
    [Fact]
    public void WithoutVpcNoVpcResourcesAreCreated()
    {
        var template = TestStacks.Synth();
        Assert.DoesNotContain(template.FindResources("*").Values, r => ((string)((IDictionary<string, object>)r)["Type"]).StartsWith("AWS::EC2::", StringComparison.Ordinal));
        var function = TestStacks.Properties(TestStacks.Single(template, "AWS::Lambda::Function"));
        Assert.False(function.ContainsKey("VpcConfig"));
    }

    [Fact]
    public void InAVpcTheFunctionGetsASecurityGroupWithNoIngressAndEniPermissions()
    {
        var template = TestStacks.Synth(arrange: IamTests.WithVpcAndSecret);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["VpcConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["SecurityGroupIds"] = Match.AnyValue(),
                ["SubnetIds"] = Match.AnyValue(),
            }),
        }));
        var group = TestStacks.Properties(TestStacks.Single(template, "AWS::EC2::SecurityGroup"));
        Assert.False(group.ContainsKey("SecurityGroupIngress"));
        template.ResourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Action"] = Match.ArrayWith(new object[] { "ec2:CreateNetworkInterface" }) }),
                }),
            }),
        }));
    }

    [Fact]
    public void SuppliedSecurityGroupsAreUsedInsteadOfANewOne()
    {
        var template = TestStacks.Synth(arrange: (stack, p) =>
        {
            IamTests.WithVpcAndSecret(stack, p);
            p.SecurityGroups = new[] { SecurityGroup.FromSecurityGroupId(stack, "Existing", "sg-0123456789abcdef0") };
        });
        template.ResourceCountIs("AWS::EC2::SecurityGroup", 0);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["VpcConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["SecurityGroupIds"] = new[] { "sg-0123456789abcdef0" } }),
        }));
    }

    [Fact]
    public void ConstructIsConnectableSoADatabaseCanAdmitIt()
    {
        var (stack, app) = TestStacks.Create(arrange: IamTests.WithVpcAndSecret);
        var database = new SecurityGroup(stack, "Database", new SecurityGroupProps { Vpc = app.Props.Vpc! });
        database.Connections.AllowFrom(app, Port.Tcp(5432), "app to database");
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FromPort"] = 5432,
            ["SourceSecurityGroupId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.AnyValue() }),
        }));
    }

    [Fact]
    public void ConnectionsWithoutVpcExplainsWhatIsMissing()
    {
        var (_, app) = TestStacks.Create();
        var error = Assert.Throws<InvalidOperationException>(() => app.Connections);
        Assert.Contains("Vpc", error.Message);
    }
}
