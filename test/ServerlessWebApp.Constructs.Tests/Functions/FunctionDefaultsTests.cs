using Amazon.CDK.Assertions;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Functions;

[Collection("cdk")]
public class FunctionDefaultsTests
{
    private static readonly Template Template = TestStacks.Synth();

    [Fact]
    public void DefaultFunctionRunsFrameworkDependentOnDotnet10Arm64WithAssemblyHandler()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Handler"] = "FoundryService",
            ["Architectures"] = new[] { "arm64" },
        }));
    }

    [Fact]
    public void DefaultFunctionHasDocumentedSizesTracingAndJsonLogs()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MemorySize"] = 1024,
            ["Timeout"] = 30,
            ["EphemeralStorage"] = new Dictionary<string, object> { ["Size"] = 512 },
            ["TracingConfig"] = new Dictionary<string, object> { ["Mode"] = "Active" },
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["LogFormat"] = "JSON",
                ["ApplicationLogLevel"] = "INFO",
            }),
        }));
    }

    [Fact]
    public void FunctionLogsGoToOwnLogGroupWithOneMonthRetention()
    {
        Template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 30 });
        var function = TestStacks.Properties(TestStacks.Single(Template, "AWS::Lambda::Function"));
        var logging = (IDictionary<string, object>)function["LoggingConfig"];
        Assert.True(logging.ContainsKey("LogGroup"));
    }

    [Fact]
    public void FunctionKnowsItIsTheWebFunction()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["SWA_FUNCTION_ROLE"] = "web" }),
            },
        }));
    }

    [Fact]
    public void FailedAsyncInvocationsGoToAnEncryptedDeadLetterQueue()
    {
        Template.HasResourceProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object>
        {
            ["SqsManagedSseEnabled"] = true,
            ["MessageRetentionPeriod"] = 1209600,
        }));
        Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DeadLetterConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["TargetArn"] = Match.AnyValue() }),
        }));
    }

    [Fact]
    public void LiveAliasPointsAtPublishedVersion()
    {
        Template.ResourceCountIs("AWS::Lambda::Version", 1);
        var version = Template.FindResources("AWS::Lambda::Version").Keys.Single();
        Template.HasResourceProperties("AWS::Lambda::Alias", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["FunctionVersion"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { version, "Version" } },
        }));
    }

    [Fact]
    public void NoProvisionedConcurrencyOrReservationByDefault()
    {
        var alias = TestStacks.Properties(TestStacks.Single(Template, "AWS::Lambda::Alias"));
        var function = TestStacks.Properties(TestStacks.Single(Template, "AWS::Lambda::Function"));
        Assert.False(alias.ContainsKey("ProvisionedConcurrencyConfig"));
        Assert.False(function.ContainsKey("ReservedConcurrentExecutions"));
    }
}
