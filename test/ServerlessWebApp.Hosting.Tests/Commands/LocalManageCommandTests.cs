using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Commands;
using Serverless.WebApp.Hosting.Server;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Commands;

/// <summary>Outside Lambda, <c>manage &lt;command&gt; [args…]</c> runs a mapped command instead of serving requests.</summary>
public sealed class LocalManageCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ManageRunsTheMappedCommandWithItsArgsAndExitsWithItsCode()
    {
        // GIVEN an app started as `dotnet run -- manage migrate --dry-run 2`
        var run = await RunAsync(["manage", "migrate", "--dry-run", "2"]);

        // THEN the command ran with its own arguments and scoped services, and its exit code is the process's
        Assert.Equal("applied 0001_initial with [--dry-run 2]\n", run.Output);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task UnknownCommandListsTheMappedOnesAndExitsWith2()
    {
        var run = await RunAsync(["manage", "migrat"]);

        Assert.Equal(LocalCommandServer.UsageExitCode, run.ExitCode);
        Assert.Contains("Unknown command 'migrat'. Known commands: fail, migrate.", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task ManageWithoutACommandPrintsUsageAndExitsWith2()
    {
        var run = await RunAsync(["manage"]);

        Assert.Equal(LocalCommandServer.UsageExitCode, run.ExitCode);
        Assert.Contains("usage: manage <command> [args...]; mapped commands: fail, migrate.", run.Error);
    }

    [Fact]
    public async Task CommandThatThrowsExitsWith1AndSaysWhy()
    {
        var run = await RunAsync(["manage", "fail"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fail failed: InvalidOperationException: database is read-only", run.Error);
    }

    [Fact]
    public async Task ConsoleThatCannotBeWrittenStillStopsTheAppWithExitCode1()
    {
        // GIVEN standard error is a closed pipe WHEN an unknown command has to be reported there
        var console = new RecordingConsole(new BrokenPipeWriter());
        await using var app = Build(new FakeLambdaEnvironment { CommandLineArgs = ["manage", "nope"] }, console);

        // THEN the app still stops, and not with success
        await app.RunAsync().WaitAsync(Timeout);
        Assert.Equal(1, console.ExitCode);
    }

    [Fact]
    public void WithoutManageTheAppKeepsKestrel()
    {
        using var app = Build(new FakeLambdaEnvironment { CommandLineArgs = ["--urls", "http://127.0.0.1:0"] }, new RecordingConsole());

        Assert.Contains("Kestrel", app.Services.GetRequiredService<IServer>().GetType().Name);
    }

    [Fact]
    public void InsideLambdaManageArgumentsDoNotReplaceTheLambdaServer()
    {
        var environment = new FakeLambdaEnvironment
        {
            [Serverless.WebApp.Hosting.Runtime.LambdaEnvironmentVariables.RuntimeApi] = "127.0.0.1:9001",
            CommandLineArgs = ["manage", "migrate"],
        };
        using var app = Build(environment, new RecordingConsole());

        Assert.IsType<LambdaServer>(app.Services.GetRequiredService<IServer>());
    }

    [Fact]
    public void TheWebHostAcceptsTheManageCommandLineAsArgs()
    {
        // The app passes the same args to CreateSlimBuilder: a command's switches must not stop the host from building
        // (they land in configuration as key/value pairs, which the command ignores).
        var builder = WebApplication.CreateSlimBuilder(["manage", "migrate", "--dry-run", "--verbosity", "2"]);
        using var app = builder.Build();

        Assert.Equal("--verbosity", app.Configuration["dry-run"]);
    }

    private static Task<RecordingConsole> RunAsync(string[] commandLine) =>
        LocalCommandApp.RunAsync(commandLine, MapCommands, Timeout, services => services.AddScoped<MigrationPlan>());

    private static WebApplication Build(FakeLambdaEnvironment environment, RecordingConsole console) =>
        LocalCommandApp.Build(environment, console, MapCommands, services => services.AddScoped<MigrationPlan>());

    private static void MapCommands(WebApplication app)
    {
        app.MapCommand("migrate", async (context, _) =>
        {
            var plan = context.Services.GetRequiredService<MigrationPlan>();
            await context.Output.WriteLineAsync($"applied {plan.Next} with [{string.Join(' ', context.Args)}]");
            return 3;
        });
        app.MapCommand("fail", (_, _) => throw new InvalidOperationException("database is read-only"));
    }

    private sealed class MigrationPlan
    {
        public string Next => "0001_initial";
    }

    private sealed class BrokenPipeWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override Task WriteLineAsync(string? value) => throw new IOException("Broken pipe");
    }
}
