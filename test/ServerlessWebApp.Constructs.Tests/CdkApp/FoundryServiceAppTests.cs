using Amazon.CDK;
using Amazon.CDK.Assertions;
using Serverless.WebApp.CdkApp;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.CdkApp;

/// <summary>The CDK app: both stages synthesize the sample (reusing the one publish of this run).</summary>
[Collection("cdk")]
public class FoundryServiceAppTests
{
    private sealed class FixedAccount(string account) : IAccountResolver
    {
        public int Calls { get; private set; }
        public string ResolveCallerAccount() { Calls++; return account; }
    }

    private sealed class NoCredentials : IAccountResolver
    {
        public string ResolveCallerAccount() => throw new AccountResolutionException("No AWS credentials are available to find the caller's account.");
    }

    private static Amazon.CDK.App NewApp(Dictionary<string, object>? context = null)
    {
        var all = new Dictionary<string, object> { [FoundryServiceApp.ProjectPathContext] = PublishedSample.ProjectPath };
        foreach (var (key, value) in context ?? new()) all[key] = value;
        return new Amazon.CDK.App(new AppProps { Outdir = PublishedSample.Instance.Outdir, Context = all });
    }

    private static Stack StackOf(Amazon.CDK.App app, string stage) =>
        (Stack)app.Node.FindChild(stage).Node.FindChild(FoundryServiceApp.StackName);

    [Fact]
    public void DevAndProdSynthesizeEnvironmentAgnosticWithDifferentSizesAndSecurity()
    {
        var resolver = new FixedAccount("111111111111");
        var app = FoundryServiceApp.Build(NewApp(), _ => resolver);
        var dev = Template.FromStack(StackOf(app, "dev"));
        var prod = Template.FromStack(StackOf(app, "prod"));

        dev.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["MemorySize"] = 512 }));
        prod.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["MemorySize"] = 1769, ["ReservedConcurrentExecutions"] = 100 }));
        dev.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "NONE" }));
        prod.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "AWS_IAM" }));
        Assert.True(Token.IsUnresolved(StackOf(app, "prod").Account), "an unbound stage must stay environment-agnostic");
        Assert.Equal(0, resolver.Calls);
    }

    [Fact]
    public void BothStagesReuseThePublishedSampleInsteadOfPublishingAgain()
    {
        var app = FoundryServiceApp.Build(NewApp(), _ => new FixedAccount("111111111111"));
        foreach (var stage in new[] { "dev", "prod" })
        {
            Assert.Equal(PublishedSample.Instance.AssetHash, PublishedSample.AssetHashOf(Template.FromStack(StackOf(app, stage))));
        }
    }

    [Fact]
    public void StageBoundToCurrentAccountResolvesItThroughTheCaller()
    {
        var resolver = new FixedAccount("123456789012");
        var app = FoundryServiceApp.Build(NewApp(new() { ["swa:prod:account"] = "current", ["swa:prod:region"] = "eu-west-1" }), _ => resolver);
        Assert.Equal("123456789012", StackOf(app, "prod").Account);
        Assert.Equal("eu-west-1", StackOf(app, "prod").Region);
        Assert.True(Token.IsUnresolved(StackOf(app, "dev").Account));
        Assert.Equal(1, resolver.Calls);
    }

    [Fact]
    public void StageBoundToExplicitAccountNeedsNoCredentials()
    {
        var app = FoundryServiceApp.Build(NewApp(new() { ["swa:dev:account"] = "210987654321", ["swa:dev:region"] = "us-west-2" }), _ => new NoCredentials());
        Assert.Equal("210987654321", StackOf(app, "dev").Account);
    }

    [Fact]
    public void MissingCredentialsForABoundStageSaySoClearly()
    {
        var error = Assert.Throws<AccountResolutionException>(() =>
            FoundryServiceApp.Build(NewApp(new() { ["swa:prod:account"] = "current" }), _ => new NoCredentials()));
        Assert.Contains("Stage 'prod'", error.Message);
        Assert.Contains("swa:prod:account=current", error.Message);
        Assert.Contains("No AWS credentials", error.Message);
    }

    [Fact]
    public void MalformedAccountBindingNamesTheContextKey()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FoundryServiceApp.Build(NewApp(new() { ["swa:dev:account"] = "12345" }), _ => new NoCredentials()));
        Assert.Contains("swa:dev:account", error.Message);
        Assert.Contains("12-digit", error.Message);
    }

    [Fact]
    public void StsResolverWithoutAnyCredentialsExplainsHowToFixIt()
    {
        var isolated = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null, ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null, ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials", ["AWS_CONFIG_FILE"] = "/nonexistent/config",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        var saved = isolated.Keys.ToDictionary(k => k, k => System.Environment.GetEnvironmentVariable(k));
        try
        {
            foreach (var (key, value) in isolated) System.Environment.SetEnvironmentVariable(key, value);
            var error = Assert.Throws<AccountResolutionException>(() => new StsAccountResolver("eu-west-1").ResolveCallerAccount());
            Assert.Contains("No AWS credentials", error.Message);
            Assert.Contains("AWS_PROFILE", error.Message);
        }
        finally
        {
            foreach (var (key, value) in saved) System.Environment.SetEnvironmentVariable(key, value);
        }
    }
}
