using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>
/// A real ASP.NET Core app registered with <c>AddServerlessWebApp</c> as if inside Lambda, its Runtime API replaced
/// by <see cref="FakeRuntimeClient"/>: events go through the real loop, server, adapters and pipeline.
/// </summary>
internal sealed class LambdaAppHost : IAsyncDisposable
{
    private LambdaAppHost(WebApplication app, FakeRuntimeClient runtime, FakeLambdaEnvironment environment, CapturingLoggerProvider logs)
    {
        App = app;
        Runtime = runtime;
        Environment = environment;
        Logs = logs;
    }

    public WebApplication App { get; }

    public FakeRuntimeClient Runtime { get; }

    public FakeLambdaEnvironment Environment { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<LambdaAppHost> StartAsync(Action<WebApplication> configureApp,
        Action<ServerlessWebAppOptions>? configureOptions = null, Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var environment = FakeLambdaEnvironment.InsideLambda();
        var runtime = new FakeRuntimeClient();
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        if (configuration is not null) builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddServerlessWebApp(configureOptions, environment);
        builder.Services.AddSingleton<ILambdaRuntimeClient>(runtime);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();
        return new LambdaAppHost(app, runtime, environment, logs);
    }

    /// <summary>An app whose single terminal handler records the request and answers 200 "ok".</summary>
    public static async Task<(LambdaAppHost Host, RequestRecorder Recorder)> StartRecordingAsync(
        Action<ServerlessWebAppOptions>? configureOptions = null)
    {
        var recorder = new RequestRecorder();
        var host = await StartAsync(app => app.Run(recorder.HandleAsync), configureOptions);
        return (host, recorder);
    }

    public Task<LambdaResult> InvokeAsync(string eventJson, DateTimeOffset? deadline = null, string? traceId = null) =>
        Runtime.InvokeAsync(eventJson, deadline, traceId);

    public Task<LambdaResult> InvokeFixtureAsync(string fileName) =>
        Runtime.InvokeAsync(File.ReadAllBytes(TestSupport.RepositoryPaths.LambdaEvent(fileName)));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
