using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SSM;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Iam;

[Collection("cdk")]
public class IamTests
{
    private const string OrgRoleArn = "arn:aws:iam::123456789012:role/platform/foundry-web";

    [Fact]
    public void CreatedRoleIsTrustedByLambdaOnlyAndHasNoManagedPolicies()
    {
        var template = TestStacks.Synth();
        var role = TestStacks.Properties(TestStacks.Single(template, "AWS::IAM::Role"));
        Assert.False(role.ContainsKey("ManagedPolicyArns"));
        template.HasResourceProperties("AWS::IAM::Role", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["Principal"] = new Dictionary<string, object> { ["Service"] = "lambda.amazonaws.com" } }) },
            }),
        }));
    }

    [Fact]
    public void CreatedPoliciesUseNoWildcardActions()
    {
        var template = TestStacks.Synth(p =>
        {
            p.UploadsBucket = true;
            p.FrontDoor = FrontDoorKind.FunctionUrl;
            p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; // CDK's BucketDeployment helper policy too
        }, WithVpcAndSecret);
        var json = JsonSerializer.Serialize(template.FindResources("AWS::IAM::Policy"));
        var actions = ActionsIn(JsonDocument.Parse(json).RootElement).ToList();
        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, a => a.Contains('*'));
        Assert.Contains("s3:ListBucket", actions);
    }

    [Fact]
    public void SuppliedRoleYieldsNoIamRoleOrPolicyEvenWithVpcSecretsUploadsAndRestApi()
    {
        var template = TestStacks.Synth(p =>
        {
            p.UploadsBucket = true;
            p.FrontDoor = FrontDoorKind.RestApi;
        }, (stack, p) =>
        {
            WithVpcAndSecret(stack, p);
            p.Role = Role.FromRoleArn(stack, "OrgRole", OrgRoleArn);
        });
        template.ResourceCountIs("AWS::IAM::Role", 0);
        template.ResourceCountIs("AWS::IAM::Policy", 0);
        template.ResourceCountIs("AWS::IAM::ManagedPolicy", 0);
        template.ResourceCountIs("AWS::ApiGateway::Account", 0);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Role"] = OrgRoleArn }));
    }

    [Fact]
    public void SuppliedRolesForFunctionAndAssetDeploymentYieldNoIamResourcesWithStaticFiles()
    {
        var template = TestStacks.Synth(p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot, (stack, p) =>
        {
            p.Role = Role.FromRoleArn(stack, "OrgRole", OrgRoleArn);
            p.AssetDeploymentRole = Role.FromRoleArn(stack, "OrgDeployRole", "arn:aws:iam::123456789012:role/platform/asset-deployer");
        });
        template.ResourceCountIs("Custom::CDKBucketDeployment", 1);
        template.ResourceCountIs("AWS::IAM::Role", 0);
        template.ResourceCountIs("AWS::IAM::Policy", 0);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Role"] = "arn:aws:iam::123456789012:role/platform/asset-deployer",
        }));
    }

    [Fact]
    public void SuppliedMutableRoleIsNeverModified()
    {
        var template = TestStacks.Synth(arrange: (stack, p) =>
            p.Role = new Role(stack, "PlatformRole", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }));
        template.ResourceCountIs("AWS::IAM::Role", 1); // the platform team's own role, declared outside the construct
        template.ResourceCountIs("AWS::IAM::Policy", 0);
    }

    [Fact]
    public void PermissionsBoundaryLandsOnEveryCreatedRoleIncludingCdkHelperRoles()
    {
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot; // BucketDeployment helper role
            p.FrontDoor = FrontDoorKind.RestApi;                            // API Gateway logging role
        }, (stack, p) => p.PermissionsBoundary = ManagedPolicy.FromManagedPolicyName(stack, "Boundary", "org-boundary"));
        var roles = template.FindResources("AWS::IAM::Role");
        Assert.True(roles.Count >= 3, $"expected function, REST logging and deployment roles, got {roles.Count}");
        foreach (var (name, role) in roles)
        {
            var properties = TestStacks.Properties((IDictionary<string, object>)role);
            Assert.True(properties.ContainsKey("PermissionsBoundary"), $"{name} has no permissions boundary");
            Assert.Contains("org-boundary", JsonSerializer.Serialize(properties["PermissionsBoundary"]));
        }
    }

    [Fact]
    public void RolePathAndNamePrefixApplyToEveryCreatedRole()
    {
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot;
            p.RolePath = "/apps/foundry/";
            p.RoleNamePrefix = "app-";
        });
        var roles = template.FindResources("AWS::IAM::Role");
        Assert.Equal(2, roles.Count);
        foreach (var role in roles.Values)
        {
            var properties = TestStacks.Properties((IDictionary<string, object>)role);
            Assert.Equal("/apps/foundry/", properties["Path"]);
            var name = Assert.IsType<string>(properties["RoleName"]);
            Assert.StartsWith("app-", name);
            Assert.True(name.Length <= 64, name);
        }
    }

    [Fact]
    public void SecretsAreGrantedReadAndPassedByNameNeverByValue()
    {
        var template = TestStacks.Synth(arrange: WithVpcAndSecret);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["SWA_SECRETS"] = "Db:Password=/foundry/db-password",
                }),
            },
        }));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Action"] = Match.ArrayWith(new object[] { "ssm:GetParameter" }) }),
                }),
            }),
        }));
    }

    internal static void WithVpcAndSecret(Stack stack, ServerlessWebAppProps props)
    {
        props.Vpc = new Vpc(stack, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = new ISubnetConfiguration[] { new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_ISOLATED } },
        });
        props.Secrets = new Dictionary<string, SecretReference>
        {
            ["Db:Password"] = SecretReference.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(stack, "DbPassword",
                new SecureStringParameterAttributes { ParameterName = "/foundry/db-password" })),
        };
    }

    private static IEnumerable<string> ActionsIn(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "Action")
                    {
                        if (property.Value.ValueKind == JsonValueKind.String) yield return property.Value.GetString()!;
                        else foreach (var a in property.Value.EnumerateArray()) yield return a.GetString()!;
                    }
                    else foreach (var a in ActionsIn(property.Value)) yield return a;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) foreach (var a in ActionsIn(item)) yield return a;
                break;
        }
    }
}
