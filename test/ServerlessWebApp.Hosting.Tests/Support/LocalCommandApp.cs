using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>
/// An app built as a Program.cs builds it, started with a command line outside Lambda (<c>manage</c>, <c>invoke</c>),
/// its console recorded.
/// </summary>
internal static class LocalCommandApp
{
    public static WebApplication Build(FakeLambdaEnvironment environment, RecordingConsole console, Action<WebApplication> map,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(console.Console);
        services?.Invoke(builder.Services);
        builder.Services.AddServerlessWebApp(null, environment);
        var app = builder.Build();
        map(app);
        return app;
    }

    /// <summary>Runs the app with the command line to its end (the command or the invoke stops it).</summary>
    public static async Task<RecordingConsole> RunAsync(string[] commandLine, Action<WebApplication> map, TimeSpan timeout,
        Action<IServiceCollection>? services = null)
    {
        var console = new RecordingConsole();
        await using var app = Build(new FakeLambdaEnvironment { CommandLineArgs = commandLine }, console, map, services);
        await app.RunAsync().WaitAsync(timeout);
        return console;
    }
}
