using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>One test per validation error: each is a synth error on the construct that names the property and what is allowed.</summary>
[Collection("cdk")]
public class ValidationTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/org-web";

    /// <summary>
    /// Builds the app with the change and returns its errors that name <paramref name="property"/>: synth errors on the
    /// construct (no exception), each starting with the property and saying what is allowed.
    /// </summary>
    private static string Rejected(string property, Action<ServerlessWebAppProps> change, Action<Stack, ServerlessWebAppProps>? arrange = null)
    {
        var stack = TestStacks.NewStack();
        var props = TestStacks.Props(change);
        arrange?.Invoke(stack, props);
        var webApp = new ServerlessWebApp(stack, "WebApp", props);
        Assert.Empty(webApp.Node.Children);
        var errors = SynthMessages.ErrorsOn(stack, "/TestStack/WebApp").Where(e => e.StartsWith(property + " ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.Contains("allowed", error, StringComparison.OrdinalIgnoreCase));
        return string.Join(System.Environment.NewLine, errors);
    }

    private static void WithVpc(Stack stack, ServerlessWebAppProps props) =>
        props.Vpc = Vpc.FromVpcAttributes(stack, "Vpc", new VpcAttributes { VpcId = "vpc-1", AvailabilityZones = new[] { "eu-west-1a" }, PrivateSubnetIds = new[] { "subnet-1" } });

    [Fact] public void MissingCodeSourceIsRejected() => Rejected("ProjectPath", p => p.PrebuiltCodePath = null);
    [Fact] public void BothCodeSourcesAreRejected() => Rejected("ProjectPath", p => p.ProjectPath = "app.csproj");
    [Fact] public void MissingProjectFileIsRejected() => Assert.Contains("does not exist", Rejected("ProjectPath", p => { p.PrebuiltCodePath = null; p.ProjectPath = "/nowhere/App.csproj"; }));
    [Fact] public void ProjectPathThatIsNotACsprojIsRejected() => Assert.Contains(".csproj", Rejected("ProjectPath", p => { p.PrebuiltCodePath = null; p.ProjectPath = PrebuiltApps.FrameworkDependent; }));
    [Fact] public void MissingPrebuiltPathIsRejected() => Rejected("PrebuiltCodePath", p => p.PrebuiltCodePath = "/nowhere/app");
    [Fact] public void SelfContainedPrebuiltWithoutBootstrapIsRejected() => Assert.Contains("bootstrap", Rejected("PrebuiltCodePath", p => p.PublishMode = PublishMode.ReadyToRun));
    [Fact] public void PrebuiltZipWithoutAssemblyNameIsRejected()
    {
        var zip = Path.Combine(PrebuiltApps.EmptyFolder("zip"), "app.zip");
        File.WriteAllBytes(zip, new byte[] { 0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        Rejected("AssemblyName", p => p.PrebuiltCodePath = zip);
    }

    [Fact]
    public void NativeAotForAnotherArchitectureIsRejected()
    {
        var other = PublishTargetArchitectureOtherThanThisMachine();
        Assert.Contains("cross", Rejected("Architecture", p => { p.PublishMode = PublishMode.NativeAot; p.PrebuiltCodePath = PrebuiltApps.SelfContained; p.Architecture = other; }));
    }

    [Fact] public void MemoryBelowMinimumIsRejected() => Assert.Contains("128 to 10240", Rejected("MemorySize", p => p.MemorySize = 64));
    [Fact] public void MemoryAboveMaximumIsRejected() => Rejected("MemorySize", p => p.MemorySize = 10241);
    [Fact] public void TimeoutAboveLambdaMaximumIsRejected() => Assert.Contains("1 to 900", Rejected("Timeout", p => { p.FrontDoor = FrontDoorKind.None; p.PublicAccess = null; p.Timeout = Duration.Seconds(901); }));
    [Fact] public void SubSecondTimeoutIsRejected() => Rejected("Timeout", p => p.Timeout = Duration.Millis(500));
    [Fact] public void TimeoutAboveHttpApiLimitIsRejected() => Assert.Contains("1 to 30", Rejected("Timeout", p => p.Timeout = Duration.Seconds(31)));
    [Fact] public void TimeoutAboveRestApiLimitIsRejected() => Assert.Contains("1 to 29", Rejected("Timeout", p => { p.FrontDoor = FrontDoorKind.RestApi; p.Timeout = Duration.Seconds(30); }));
    [Fact] public void EphemeralStorageBelowMinimumIsRejected() => Assert.Contains("512 to 10240", Rejected("EphemeralStorageSize", p => p.EphemeralStorageSize = Size.Mebibytes(256)));
    [Fact] public void EphemeralStorageAboveMaximumIsRejected() => Rejected("EphemeralStorageSize", p => p.EphemeralStorageSize = Size.Gibibytes(11));
    [Fact] public void AwsPrefixedEnvironmentNameIsRejected() => Assert.Contains("AWS_REGION", Rejected("Environment", p => p.Environment = new Dictionary<string, string> { ["AWS_REGION"] = "x" }));
    [Fact] public void LambdaPrefixedEnvironmentNameIsRejected() => Rejected("Environment", p => p.Environment = new Dictionary<string, string> { ["LAMBDA_TASK_ROOT"] = "x" });
    [Fact] public void ConstructPrefixedEnvironmentNameIsRejected() => Rejected("Environment", p => p.Environment = new Dictionary<string, string> { ["SWA_STAGE"] = "x" });
    [Fact] public void MalformedEnvironmentNameIsRejected() => Rejected("Environment", p => p.Environment = new Dictionary<string, string> { ["1-BAD"] = "x" });
    [Fact] public void SecretKeyThatIsNoConfigurationKeyIsRejected() => Assert.Contains("Db:Password", Rejected("Secrets", p => { }, (stack, p) =>
        p.Secrets = new Dictionary<string, SecretReference> { ["Db::Password"] = SecretReference.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "S", "token")) }));
    [Fact] public void SecretKeyTwiceInDifferentCaseIsRejected() => Rejected("Secrets", p => { }, (stack, p) =>
        p.Secrets = new Dictionary<string, SecretReference>
        {
            ["Db:Password"] = SecretReference.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "S", "token")),
            ["db:password"] = SecretReference.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "T", "other")),
        });
    [Fact] public void NegativeReservedConcurrencyIsRejected() => Rejected("ReservedConcurrentExecutions", p => p.ReservedConcurrentExecutions = -1);
    [Fact] public void ZeroProvisionedConcurrencyIsRejected() => Rejected("ProvisionedConcurrentExecutions", p => p.ProvisionedConcurrentExecutions = 0);
    [Fact] public void ProvisionedAboveReservedConcurrencyIsRejected() => Rejected("ProvisionedConcurrentExecutions", p => { p.ReservedConcurrentExecutions = 2; p.ProvisionedConcurrentExecutions = 5; });
    [Fact] public void StageNameWithInvalidCharactersIsRejected() => Assert.Contains("letters, digits", Rejected("StageName", p => p.StageName = "v1/beta"));
    [Fact] public void DollarDefaultStageOnRestApiIsRejected() => Rejected("StageName", p => { p.FrontDoor = FrontDoorKind.RestApi; p.StageName = "$default"; });
    [Fact] public void StageNameWithoutApiIsRejected() => Rejected("StageName", p => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.StageName = "v1"; });
    [Fact] public void ThrottlingWithoutApiIsRejected() => Rejected("ThrottlingRateLimit", p => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.ThrottlingRateLimit = 10; });
    [Fact] public void NegativeThrottlingRateIsRejected() => Rejected("ThrottlingRateLimit", p => p.ThrottlingRateLimit = -5);
    [Fact] public void NegativeBurstIsRejected() => Rejected("ThrottlingBurstLimit", p => p.ThrottlingBurstLimit = -5);
    [Fact] public void RestCloudWatchRoleOnOtherFrontDoorIsRejected() => Rejected("RestApiCloudWatchRole", p => p.RestApiCloudWatchRole = true);

    [Fact]
    public void PublicApiWithoutAcknowledgementIsRejectedWithTheOptions()
    {
        var error = Rejected("Authorization", p => p.PublicAccess = null);
        Assert.Contains("ApiAuthorization.Iam()", error);
        Assert.Contains("ApiAuthorization.Jwt(", error);
        Assert.Contains("PublicAccess = true", error);
    }

    [Fact] public void PublicRestApiWithoutAcknowledgementListsApiKeys() => Assert.Contains("ApiKeys()", Rejected("Authorization", p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; }));
    [Fact] public void PublicAccessTogetherWithAuthorizationIsRejected() => Rejected("PublicAccess", p => p.Authorization = ApiAuthorization.Iam());
    [Fact] public void AuthorizationWithoutFrontDoorIsRejected() => Rejected("Authorization", p => { p.FrontDoor = FrontDoorKind.None; p.PublicAccess = null; p.Authorization = ApiAuthorization.Iam(); });
    [Fact] public void PublicAccessWithoutFrontDoorIsRejected() => Rejected("PublicAccess", p => p.FrontDoor = FrontDoorKind.None);
    [Fact] public void JwtOnRestApiIsRejected() => Rejected("Authorization", p => { p.FrontDoor = FrontDoorKind.RestApi; p.PublicAccess = null; p.Authorization = ApiAuthorization.Jwt("https://issuer", "aud"); });
    [Fact] public void ApiKeysOnHttpApiIsRejected() => Rejected("Authorization", p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.ApiKeys(); });
    [Fact] public void JwtAuthorizerOnFunctionUrlIsRejected() => Rejected("Authorization", p => { p.FrontDoor = FrontDoorKind.FunctionUrl; p.PublicAccess = null; p.Authorization = ApiAuthorization.Jwt("https://issuer", "aud"); });
    [Fact] public void JwtWithHttpIssuerIsRejected() => Rejected("Authorization", p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Jwt("http://issuer", "aud"); });
    [Fact] public void JwtWithoutAudienceIsRejected() => Rejected("Authorization", p => { p.PublicAccess = null; p.Authorization = ApiAuthorization.Jwt("https://issuer"); });
    [Fact] public void CognitoOnHttpApiWithoutClientsIsRejected() => Rejected("Authorization", p => p.PublicAccess = null, (stack, p) =>
        p.Authorization = ApiAuthorization.CognitoUserPool(Amazon.CDK.AWS.Cognito.UserPool.FromUserPoolId(stack, "Pool", "eu-west-1_abc")));
    [Fact] public void SubnetsWithoutVpcAreRejected() => Rejected("VpcSubnets", p => p.VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED });
    [Fact] public void SecurityGroupsWithoutVpcAreRejected() => Rejected("SecurityGroups", p => { }, (stack, p) => p.SecurityGroups = new[] { SecurityGroup.FromSecurityGroupId(stack, "Sg", "sg-1") });
    [Fact] public void PublicSubnetsAreRejected() => Rejected("VpcSubnets", p => { }, (stack, p) =>
        p.Vpc = new Vpc(stack, "PublicOnly", new VpcProps
        {
            MaxAzs = 1,
            NatGateways = 0,
            SubnetConfiguration = new ISubnetConfiguration[] { new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC } },
        }));
    [Fact] public void SubnetSelectionMatchingNothingIsRejected() => Rejected("VpcSubnets", p => { }, (stack, p) =>
    {
        WithVpc(stack, p);
        p.VpcSubnets = new SubnetSelection { SubnetGroupName = "does-not-exist" };
    });
    [Fact] public void InvalidRolePathIsRejected() => Rejected("RolePath", p => p.RolePath = "apps");
    [Fact] public void InvalidRoleNamePrefixIsRejected() => Rejected("RoleNamePrefix", p => p.RoleNamePrefix = "bad prefix!");
    [Fact] public void RolePathWithSuppliedRoleIsRejected() => Rejected("RolePath", p => p.RolePath = "/apps/", (stack, p) => p.Role = Role.FromRoleArn(stack, "R", RoleArn));
    [Fact] public void RoleNamePrefixWithSuppliedRoleIsRejected() => Rejected("RoleNamePrefix", p => p.RoleNamePrefix = "app-", (stack, p) => p.Role = Role.FromRoleArn(stack, "R", RoleArn));
    [Fact] public void BoundaryWithSuppliedRoleIsRejected() => Rejected("PermissionsBoundary", p => { }, (stack, p) =>
    {
        p.Role = Role.FromRoleArn(stack, "R", RoleArn);
        p.PermissionsBoundary = ManagedPolicy.FromManagedPolicyName(stack, "B", "boundary");
    });
    [Fact] public void RestLoggingRoleWithSuppliedRoleIsRejected() => Rejected("RestApiCloudWatchRole", p => { p.FrontDoor = FrontDoorKind.RestApi; p.RestApiCloudWatchRole = true; }, (stack, p) => p.Role = Role.FromRoleArn(stack, "R", RoleArn));
    [Fact] public void StaticAssetsWithSuppliedRoleButNoDeploymentRoleAreRejected() => Rejected("AssetDeploymentRole", p => p.PrebuiltCodePath = PrebuiltApps.FrameworkDependentWithWebRoot, (stack, p) => p.Role = Role.FromRoleArn(stack, "R", RoleArn));
    [Fact] public void MissingStaticAssetsFolderIsRejected() => Rejected("StaticAssetsPath", p => p.StaticAssetsPath = "/nowhere/wwwroot");
    [Fact] public void StaticAssetsPathWithDeploymentTurnedOffIsRejected() => Rejected("StaticAssetsPath", p => { p.StaticAssetsPath = PrebuiltApps.EmptyFolder("s2"); p.DeployStaticAssets = false; });

    private static Amazon.CDK.AWS.Lambda.Architecture PublishTargetArchitectureOtherThanThisMachine() =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? Amazon.CDK.AWS.Lambda.Architecture.X86_64
            : Amazon.CDK.AWS.Lambda.Architecture.ARM_64;
}
