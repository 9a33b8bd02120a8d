using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Commands;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Tests.Tasks;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Hosting.Tests.Commands;

public sealed class ManagementCommandHandlerTests : IAsyncDisposable
{
    private readonly WebApplication _app = TaskTestApp.Build(TaskTestApp.Lambda(), services => services.AddScoped<MigrationLog>());

    public ManagementCommandHandlerTests()
    {
        _app.MapCommand("migrate", async (context, ct) =>
        {
            var log = context.Services.GetRequiredService<MigrationLog>();
            log.Applied.Add("0001_initial");
            await context.Output.WriteLineAsync($"applied {log.Applied.Count} migration(s) with [{string.Join(' ', context.Args)}]");
            return context.Args.Contains("--fail") ? 3 : 0;
        });
        _app.MapCommand("seed", (_, _) => throw new InvalidOperationException("database is read-only"));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ManagementCommandHandler Handler => _app.Handler<ManagementCommandHandler>();

    [Fact]
    public async Task MappedCommandRunsWithItsArgsAndReturnsOutputAndExitCode()
    {
        // WHEN the command is invoked as `aws lambda invoke` would
        var response = await Handler.InvokeAsync("""{"command":"migrate","args":["--dry-run","--verbosity","2"]}""");

        // THEN its output and exit code come back, with its scoped services resolved
        Assert.Equal("migrate", response.GetProperty("command").GetString());
        Assert.Equal(0, response.GetProperty("exitCode").GetInt32());
        Assert.Equal("applied 1 migration(s) with [--dry-run --verbosity 2]\n", response.GetProperty("output").GetString());
    }

    [Fact]
    public async Task NonZeroExitCodeIsReturned()
    {
        var response = await Handler.InvokeAsync("""{"command":"migrate","args":["--fail"]}""");

        Assert.Equal(3, response.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task CommandWithoutArgsGetsAnEmptyList()
    {
        var response = await Handler.InvokeAsync("""{"command":"migrate"}""");

        Assert.Equal("applied 1 migration(s) with []\n", response.GetProperty("output").GetString());
    }

    [Fact]
    public async Task UnknownCommandAnswersWithTheKnownOnes()
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Handler.InvokeAsync("""{"command":"rm -rf /"}"""));

        Assert.Equal("UnknownCommand", error.ErrorType);
        Assert.Equal("Unknown command 'rm -rf /'. Known commands: migrate, seed.", error.Message);
    }

    [Fact]
    public async Task ThrowingCommandReturnsExitCodeOneAndTheError()
    {
        var response = await Handler.InvokeAsync("""{"command":"seed"}""");

        Assert.Equal(1, response.GetProperty("exitCode").GetInt32());
        Assert.Equal("InvalidOperationException: database is read-only", response.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("""{"command":"migrate","args":"--dry-run"}""")]
    [InlineData("""{"command":"migrate","args":[1,2]}""")]
    public async Task ArgsThatAreNotAnArrayOfStringsAreRejectedNamingTheField(string json)
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Handler.InvokeAsync(json));

        Assert.Equal("MalformedCommand", error.ErrorType);
        Assert.Contains("'args' must be an array of strings", error.Message);
    }

    [Theory]
    [InlineData("sqs-event.json")]
    [InlineData("apigw-request.json")]
    [InlineData("apigw-v2-request-iam.json")]
    public async Task RecordedEventsAreNotTakenForCommands(string fixture)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryPaths.LambdaEvent(fixture)));

        Assert.False(Handler.CanHandle(document.RootElement));
    }

    [Fact]
    public void CommandsRunAfterKeepWarmAndBeforeTasks()
    {
        Assert.Equal(10, Handler.Order);
    }

    [Fact]
    public void CommandNameCanBeMappedOnlyOnce()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _app.MapCommand("migrate", (_, _) => Task.FromResult(0)));

        Assert.Contains("'migrate' is already mapped", error.Message);
    }

    [Fact]
    public void CommandNameWithSpacesIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => _app.MapCommand("drop tables", (_, _) => Task.FromResult(0)));

        Assert.Contains("letters, digits", error.Message);
    }

    public sealed class MigrationLog
    {
        public List<string> Applied { get; } = [];
    }
}
