using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Serverless.WebApp.Constructs.Tests.Support;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tests.Functions;

[Collection("cdk")]
public class FunctionSettingsTests
{
    [Fact]
    public void ExplicitSizesConcurrencyLoggingAndEnvironmentAreApplied()
    {
        var template = TestStacks.Synth(p =>
        {
            p.MemorySize = 2048;
            p.Timeout = Duration.Seconds(20);
            p.EphemeralStorageSize = Size.Gibibytes(2);
            p.ReservedConcurrentExecutions = 10;
            p.LogRetention = RetentionDays.ONE_WEEK;
            p.Tracing = Tracing.PASS_THROUGH;
            p.ApplicationLogLevel = ApplicationLogLevel.WARN;
            p.Environment = new Dictionary<string, string> { ["FEATURE_FLAG"] = "on" };
        });
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MemorySize"] = 2048,
            ["Timeout"] = 20,
            ["EphemeralStorage"] = new Dictionary<string, object> { ["Size"] = 2048 },
            ["ReservedConcurrentExecutions"] = 10,
            ["TracingConfig"] = new Dictionary<string, object> { ["Mode"] = "PassThrough" },
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["ApplicationLogLevel"] = "WARN" }),
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["FEATURE_FLAG"] = "on" }),
            },
        }));
        template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 7 });
    }

    [Fact]
    public void ProvisionedConcurrencyIsConfiguredOnTheLiveAlias()
    {
        var template = TestStacks.Synth(p => p.ProvisionedConcurrentExecutions = 2);
        template.HasResourceProperties("AWS::Lambda::Alias", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["ProvisionedConcurrencyConfig"] = new Dictionary<string, object> { ["ProvisionedConcurrentExecutions"] = 2 },
        }));
    }

    [Fact]
    public void SelfContainedAppRunsBootstrapOnProvidedAl2023()
    {
        var template = TestStacks.Synth(p =>
        {
            p.PrebuiltCodePath = PrebuiltApps.SelfContained;
            p.PublishMode = PublishMode.ReadyToRun;
            p.Architecture = Architecture.X86_64;
        });
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
            ["Architectures"] = new[] { "x86_64" },
        }));
    }

    [Theory]
    [InlineData(PublishMode.FrameworkDependent)]
    [InlineData(PublishMode.ReadyToRun)]
    public void JitCompiledFunctionGetsTheSmallHeapAndJitSettingsAndKeepsTieredCompilation(PublishMode mode)
    {
        var variables = WebFunctionVariables(TestStacks.Synth(p =>
        {
            p.PublishMode = mode;
            p.Architecture = Architecture.X86_64;
            p.PrebuiltCodePath = mode == PublishMode.ReadyToRun ? PrebuiltApps.SelfContained : PrebuiltApps.FrameworkDependent;
        }));

        Assert.Equal("80000", variables["DOTNET_GCgen0size"]);
        Assert.Equal("100000", variables["DOTNET_GCRegionSize"]);
        Assert.Equal("100000", variables["DOTNET_JitHostMaxSlabCache"]);
        Assert.DoesNotContain(variables.Keys, name => name.StartsWith("DOTNET_Tiered", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PublishMode.FrameworkDependent)]
    [InlineData(PublishMode.ReadyToRun)]
    [InlineData(PublishMode.NativeAot)]
    public void EveryFunctionRunsWorkstationNonConcurrentGcWithoutConfigurationWatchers(PublishMode mode)
    {
        var variables = WebFunctionVariables(TestStacks.Synth(p =>
        {
            p.PublishMode = mode;
            if (mode != PublishMode.NativeAot) p.Architecture = Architecture.X86_64;
            p.PrebuiltCodePath = mode == PublishMode.FrameworkDependent ? PrebuiltApps.FrameworkDependent : PrebuiltApps.SelfContained;
        }));

        // The web SDK's runtimeconfig.json asks for server GC; the deployed function must not run it.
        Assert.Equal("0", variables["DOTNET_gcServer"]);
        Assert.Equal("0", variables["DOTNET_gcConcurrent"]);
        Assert.Equal("false", variables["DOTNET_hostBuilder__reloadConfigOnChange"]);
    }

    [Fact]
    public void NativeAotFunctionGetsTheLargerFirstGenerationBudgetAndNoJitSettings()
    {
        var variables = WebFunctionVariables(TestStacks.Synth(p =>
        {
            p.PublishMode = PublishMode.NativeAot;
            p.PrebuiltCodePath = PrebuiltApps.SelfContained;
        }));

        Assert.Equal("200000", variables["DOTNET_GCgen0size"]);
        Assert.DoesNotContain("DOTNET_GCRegionSize", variables.Keys);
        Assert.DoesNotContain("DOTNET_JitHostMaxSlabCache", variables.Keys);
    }

    [Fact]
    public void AnEnvironmentEntryReplacesAProcessSetting()
    {
        var variables = WebFunctionVariables(TestStacks.Synth(p =>
            p.Environment = new Dictionary<string, string> { [SwaProcessSettings.Gen0BudgetVariable] = "1000000" }));

        Assert.Equal("1000000", variables[SwaProcessSettings.Gen0BudgetVariable]);
        Assert.Equal(SwaProcessSettings.RegionSize, variables[SwaProcessSettings.RegionSizeVariable]);
        Assert.Equal(SwaProcessSettings.JitSlabCache, variables[SwaProcessSettings.JitSlabCacheVariable]);
    }

    [Fact]
    public void SecretsArePassedByConfigurationKeyAndParameterStoreNameAndGrantedRead()
    {
        // GIVEN a Secrets Manager secret and an SSM parameter, each named by the configuration key the app reads
        var template = TestStacks.Synth(arrange: (stack, p) => p.Secrets = new Dictionary<string, SecretReference>
        {
            ["Api:Token"] = SecretReference.FromSecretsManager(Secret.FromSecretCompleteArn(stack, "Token",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:foundry/token-AbCdEf")),
            ["Db:Password"] = SecretReference.FromSsmParameter(Amazon.CDK.AWS.SSM.StringParameter.FromSecureStringParameterAttributes(
                stack, "Db", new Amazon.CDK.AWS.SSM.SecureStringParameterAttributes { ParameterName = "/foundry/db-password" })),
        });

        // THEN one variable maps each key to its Parameter Store name (the secret through the reference path), no value
        var variables = WebFunctionVariables(template);
        Assert.Equal("Api:Token=/aws/reference/secretsmanager/foundry/token,Db:Password=/foundry/db-password", variables["SWA_SECRETS"]);
        Assert.DoesNotContain(variables.Keys, k => k.Contains(':'));

        // AND the function may read the secret, its reference and the parameter, and nothing else of theirs
        var statements = System.Text.Json.JsonSerializer.Serialize(template.FindResources("AWS::IAM::Policy"));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = Match.ArrayWith(new object[] { "secretsmanager:GetSecretValue" }),
                        ["Resource"] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:foundry/token-AbCdEf",
                    }),
                }),
            }),
        }));
        Assert.Contains("parameter/aws/reference/secretsmanager/foundry/token", statements);
        Assert.Contains("parameter/foundry/db-password", statements);
        Assert.Contains("ssm:GetParameters", statements);
    }

    [Fact]
    public void AnotherFunctionOfTheAppSharesCodeAndSettingsWithItsOwnRoleAliasAndQueue()
    {
        var (stack, app) = TestStacks.Create(p => p.MemorySize = 2048);
        var worker = app.AddFunction("Worker", SwaEnvironment.WorkerRole, suppliedRole: null, timeout: Duration.Minutes(15));
        var template = Template.FromStack(stack);

        template.ResourceCountIs("AWS::Lambda::Alias", 2);
        template.ResourceCountIs("AWS::IAM::Role", 2);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MemorySize"] = 2048,
            ["Timeout"] = 900,
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["SWA_FUNCTION_ROLE"] = "worker" }),
            },
        }));
        var codes = template.FindResources("AWS::Lambda::Function").Values
            .Select(f => System.Text.Json.JsonSerializer.Serialize(TestStacks.Properties((IDictionary<string, object>)f)["Code"]))
            .Distinct();
        Assert.Single(codes);
        Assert.NotSame(app.Role, worker.Role);
    }

    private static IDictionary<string, object> WebFunctionVariables(Template template)
    {
        var environment = (IDictionary<string, object>)TestStacks.WebFunctionProperties(template)["Environment"];
        return (IDictionary<string, object>)environment["Variables"];
    }
}
