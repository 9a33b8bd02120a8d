using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Serverless.WebApp.Hosting.Logging;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Server;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Server;

public class AddServerlessWebAppTests
{
    [Fact]
    public void OutsideLambdaTheAppKeepsKestrel()
    {
        // GIVEN no AWS_LAMBDA_RUNTIME_API WHEN the runtime is added
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, new FakeLambdaEnvironment());
        using var app = builder.Build();

        // THEN the server is still Kestrel and no Lambda start-up hook is registered
        Assert.Contains("Kestrel", app.Services.GetRequiredService<IServer>().GetType().Name);
        Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is LambdaStartupMonitor);
    }

    [Fact]
    public void InsideLambdaTheLambdaServerReplacesKestrel()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, FakeLambdaEnvironment.InsideLambda());
        using var app = builder.Build();

        Assert.IsType<LambdaServer>(app.Services.GetRequiredService<IServer>());
        Assert.Single(app.Services.GetServices<IServer>());
        Assert.IsType<LambdaRuntimeClient>(app.Services.GetRequiredService<ILambdaRuntimeClient>());
    }

    [Fact]
    public void LambdaServerAdvertisesNoListeningAddresses()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, FakeLambdaEnvironment.InsideLambda());
        using var app = builder.Build();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

        Assert.Empty(addresses);
        Assert.True(addresses.IsReadOnly);
    }

    [Fact]
    public void EventHandlersAreRegisteredOnceInTheDocumentedOrder()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddServerlessWebApp(null, FakeLambdaEnvironment.InsideLambda());
        services.AddServerlessWebApp(null, FakeLambdaEnvironment.InsideLambda());
        using var provider = services.BuildServiceProvider();

        var orders = provider.GetServices<ILambdaEventHandler>().Select(h => h.Order).Order().ToArray();

        Assert.Equal([0, 10, 11, 12, 13, 14, 15, 16, 20, 30, 100, 101, 110, 120, 200], orders);
        Assert.Single(services, d => d.ImplementationType == typeof(LambdaStartupMonitor));
    }

    [Fact]
    public void OptionsAreValidatedWithMessagesNamingTheProperty()
    {
        var services = new ServiceCollection();
        services.AddServerlessWebApp(o => o.MaxResponsePayloadBytes = 7 * 1024 * 1024, new FakeLambdaEnvironment());
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServerlessWebAppOptions>>().Value);

        Assert.Contains("MaxResponsePayloadBytes", failure.Message);
    }

    [Fact]
    public void InsideLambdaLogsAreWrittenAsLambdaJsonAtTheConfiguredLevel()
    {
        var environment = new FakeLambdaEnvironment { ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001", ["AWS_LAMBDA_LOG_LEVEL"] = "WARN" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, environment);
        using var app = builder.Build();

        Assert.Equal("lambda-json", app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.Contains(app.Services.GetServices<ConsoleFormatter>(), f => f is LambdaJsonConsoleFormatter);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, app.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.MinLevel);
    }

    [Fact]
    public void JsonLoggingCanBeTurnedOff()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(o => o.UseJsonLogging = false, FakeLambdaEnvironment.InsideLambda());
        using var app = builder.Build();

        Assert.NotEqual("lambda-json", app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public void OutsideLambdaLoggingIsUnchanged()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, new FakeLambdaEnvironment());
        using var app = builder.Build();

        Assert.DoesNotContain(app.Services.GetServices<ConsoleFormatter>(), f => f is LambdaJsonConsoleFormatter);
    }

    [Fact]
    public void BinaryMediaTypeThatIsNotAMediaTypeIsRejectedByName()
    {
        var services = new ServiceCollection();
        services.AddServerlessWebApp(o => o.BinaryMediaTypes.Add("pdf"), new FakeLambdaEnvironment());
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServerlessWebAppOptions>>().Value);

        Assert.Contains("BinaryMediaTypes", failure.Message);
    }

    [Fact]
    public async Task StartupFailureIsPostedToInitErrorOnce()
    {
        // GIVEN the start-up monitor of a Lambda-hosted app
        var runtime = new FakeRuntimeClient();
        var monitor = new LambdaStartupMonitor(runtime, NullLogger<LambdaStartupMonitor>.Instance);

        // WHEN start-up fails (reported twice, as an unhandled exception may be)
        var failure = new InvalidOperationException("Connection string 'Db' is missing.");
        await monitor.ReportAsync(failure, CancellationToken.None);
        await monitor.ReportAsync(failure, CancellationToken.None);

        // THEN /init/error receives it once, with a type that says it happened at start-up
        var posted = Assert.Single(runtime.InitErrors);
        Assert.Equal("Runtime.StartupFailure.InvalidOperationException", posted.ErrorType);
        Assert.Equal("Connection string 'Db' is missing.", posted.ErrorMessage);
    }

    [Fact]
    public async Task StartupMonitorIsHookedBeforeOtherServicesStartAndUnhookedOnceStarted()
    {
        await using var host = await LambdaAppHost.StartAsync(_ => { });

        var hosted = host.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();

        Assert.IsType<LambdaStartupMonitor>(hosted[0]);
        Assert.Empty(host.Runtime.InitErrors);
    }
}
