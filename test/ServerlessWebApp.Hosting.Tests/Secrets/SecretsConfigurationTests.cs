using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Serverless.WebApp.Hosting.Secrets;

namespace Serverless.WebApp.Hosting.Tests.Secrets;

public sealed class SecretsConfigurationTests : IClassFixture<FakeSsmFixture>
{
    private readonly FakeSsmFixture _ssm;
    private readonly string _prefix = "/" + Guid.NewGuid().ToString("N");

    public SecretsConfigurationTests(FakeSsmFixture ssm) => _ssm = ssm;

    [Fact]
    public void ParametersAndSecretsManagerSecretsAreReadIntoTheirKeysInOneCall()
    {
        // GIVEN an SSM parameter and a Secrets Manager secret holding database credentials as JSON
        _ssm.Server.PutParameter($"{_prefix}/api-key", "key-123");
        _ssm.Server.PutSecret($"{_prefix[1..]}-db", """{"username":"app","password":"p@ss","port":5432}""");
        var calls = _ssm.Server.Calls.Count;

        // WHEN the configuration is built with both named
        var configuration = Build(source =>
        {
            source.Secrets["Api:Key"] = $"{_prefix}/api-key";
            source.Secrets["Db"] = $"/aws/reference/secretsmanager/{_prefix[1..]}-db";
        });

        // THEN each value sits under the key the app named, a JSON secret also under its fields, read in one call
        Assert.Equal("key-123", configuration["Api:Key"]);
        Assert.Equal("p@ss", configuration["Db:password"]);
        Assert.Equal("5432", configuration["Db:port"]);
        Assert.StartsWith("{", configuration["Db"]);
        Assert.Equal(calls + 1, _ssm.Server.Calls.Count);
    }

    [Fact]
    public void MoreThanTenSecretsAreFetchedTenNamesACall()
    {
        for (var i = 0; i < 12; i++) _ssm.Server.PutParameter($"{_prefix}/s{i}", $"v{i}");
        var before = _ssm.Server.Calls.ToArray().Length;

        var configuration = Build(source =>
        {
            for (var i = 0; i < 12; i++) source.Secrets[$"S:{i}"] = $"{_prefix}/s{i}";
        });

        Assert.Equal("v11", configuration["S:11"]);
        var calls = _ssm.Server.Calls.Skip(before).Select(c => c.Count).Order().ToArray();
        Assert.Equal([2, 10], calls);
    }

    [Fact]
    public void SecretsOverrideEarlierSources()
    {
        _ssm.Server.PutParameter($"{_prefix}/password", "from-ssm");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Db:Password"] = "from-appsettings" })
            .AddServerlessWebAppSecrets(source =>
            {
                source.ClientFactory = _ssm.CreateClient;
                source.Secrets["Db:Password"] = $"{_prefix}/password";
            })
            .Build();

        Assert.Equal("from-ssm", configuration["Db:Password"]);
    }

    [Fact]
    public void MissingSecretStopsStartUpNamingKeyAndParameterButNoValue()
    {
        _ssm.Server.PutParameter($"{_prefix}/present", "do-not-print-me");

        var error = Assert.Throws<InvalidOperationException>(() => Build(source =>
        {
            source.Secrets["Present"] = $"{_prefix}/present";
            source.Secrets["Db:Password"] = $"{_prefix}/absent";
        }));

        Assert.Contains($"Db:Password ({_prefix}/absent)", error.Message);
        Assert.DoesNotContain("do-not-print-me", error.Message);
    }

    [Fact]
    public async Task AccessDeniedStopsStartUpNamingTheKeys()
    {
        var ssm = new FakeSsmFixture();
        await ssm.InitializeAsync();
        try
        {
            ssm.Server.FailWith = "AccessDeniedException";
            var error = Assert.Throws<InvalidOperationException>(() => new ConfigurationBuilder()
                .AddServerlessWebAppSecrets(source =>
                {
                    source.ClientFactory = ssm.CreateClient;
                    source.Secrets["Db:Password"] = "/app/password";
                })
                .Build());

            Assert.Contains("Db:Password", error.Message);
            Assert.Contains("AccessDeniedException", error.Message);
        }
        finally
        {
            await ssm.DisposeAsync();
        }
    }

    [Fact]
    public void WithoutSecretsNothingIsReadAndTheUsualSourcesApply()
    {
        // GIVEN no SWA_SECRETS (outside Lambda) and a client that must not be created
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Db:Password"] = "user-secret" })
            .AddServerlessWebAppSecrets(source => source.ClientFactory = () => throw new InvalidOperationException("no client outside Lambda"))
            .Build();

        Assert.Equal("user-secret", configuration["Db:Password"]);
    }

    [Fact]
    public async Task RefreshPicksUpAChangedValueAndRaisesTheReloadToken()
    {
        // GIVEN a secret read at start with a one-hour refresh on a clock the test moves
        _ssm.Server.PutParameter($"{_prefix}/rotating", "v1");
        var clock = new FakeTimeProvider();
        var configuration = Build(source =>
        {
            source.Secrets["Rotating"] = $"{_prefix}/rotating";
            source.RefreshInterval = TimeSpan.FromHours(1);
            source.TimeProvider = clock;
        });
        Assert.Equal("v1", configuration["Rotating"]);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = ChangeToken.OnChange(configuration.GetReloadToken, () => reloaded.TrySetResult());

        // WHEN the value is rotated and the interval passes
        _ssm.Server.PutParameter($"{_prefix}/rotating", "v2");
        clock.Advance(TimeSpan.FromHours(1));

        // THEN the configuration reloads with the new value
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("v2", configuration["Rotating"]);
    }

    [Fact]
    public async Task FailedRefreshKeepsTheLastValuesAndReportsTheError()
    {
        var ssm = new FakeSsmFixture();
        await ssm.InitializeAsync();
        try
        {
            ssm.Server.PutParameter("/app/token", "v1");
            var clock = new FakeTimeProvider();
            var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            var configuration = new ConfigurationBuilder().AddServerlessWebAppSecrets(source =>
            {
                source.ClientFactory = ssm.CreateClient;
                source.Secrets["Token"] = "/app/token";
                source.RefreshInterval = TimeSpan.FromMinutes(5);
                source.TimeProvider = clock;
                source.OnRefreshError = ex => failed.TrySetResult(ex);
            }).Build();

            ssm.Server.FailWith = "ThrottlingException";
            clock.Advance(TimeSpan.FromMinutes(5));

            var error = await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains("ThrottlingException", error.Message);
            Assert.Equal("v1", configuration["Token"]);
        }
        finally
        {
            await ssm.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Db:Password=/app/db,Api:Key=/aws/reference/secretsmanager/api", "Db:Password", "/app/db")]
    [InlineData(" Token = /t ", "Token", "/t")]
    public void ConstructVariableIsParsedIntoKeysAndParameters(string variable, string key, string parameter)
    {
        Assert.Equal(parameter, SecretEntries.Parse(variable)[key]);
    }

    [Theory]
    [InlineData("no-separator")]
    [InlineData("=/app/x")]
    [InlineData("bad key=/app/x")]
    [InlineData("A=/x,a=/y")]
    public void MalformedConstructVariableIsRejectedNamingIt(string variable)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SecretEntries.Parse(variable));
        Assert.Contains("SWA_SECRETS", error.Message);
    }

    private IConfigurationRoot Build(Action<ServerlessWebAppSecretsSource> configure) =>
        new ConfigurationBuilder().AddServerlessWebAppSecrets(source =>
        {
            source.ClientFactory = _ssm.CreateClient;
            configure(source);
        }).Build();
}
