using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Commands;
using Serverless.WebApp.Hosting.Tests.Support;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.Hosting.Tests.Commands;

/// <summary>
/// Outside Lambda, <c>invoke &lt;event.json | METHOD /path [body]&gt;</c> runs one event through the Lambda invocation
/// loop and prints the payload Lambda would return: the local twin of <c>aws lambda invoke</c>.
/// </summary>
public sealed class LocalInvokeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("swa-invoke-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> HttpSources => new(SampleEvents.HttpSources);

    [Theory]
    [MemberData(nameof(HttpSources))]
    public async Task AnEventFilePrintsExactlyWhatTheLambdaLoopAnswers(string source)
    {
        // GIVEN a recorded event of the source, re-aimed at POST /orders with a JSON body
        var eventJson = SampleEvents.For(source, "POST", "/orders", """{"sku":"BOOK-42","quantity":2}""");
        var eventFile = Path.Combine(_folder, source + ".json");
        await File.WriteAllTextAsync(eventFile, eventJson);

        // WHEN it is invoked locally, and the same event runs through the app inside Lambda
        var local = await RunAsync(["invoke", eventFile]);
        await using var lambda = await LambdaAppHost.StartAsync(MapOrders);
        var onLambda = await lambda.InvokeAsync(eventJson);

        // THEN the printed payload is the one the Lambda loop posts to the Runtime API
        Assert.Equal(0, local.ExitCode);
        var printed = JsonDocument.Parse(local.Output).RootElement;
        Assert.Equal(201, printed.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"sku":"BOOK-42","quantity":2,"accepted":true}""", printed.GetProperty("body").GetString());
        Assert.Equal(Normalized(onLambda.Json), Normalized(printed));
    }

    [Fact]
    public async Task AMethodAndPathBecomeAnHttpApiRequest()
    {
        var run = await RunAsync(["invoke", "GET", "/orders/42?expand=lines"]);

        Assert.Equal(0, run.ExitCode);
        var printed = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(200, printed.GetProperty("statusCode").GetInt32());
        Assert.Equal("order 42, expand=lines, https://localhost", printed.GetProperty("body").GetString());
    }

    [Fact]
    public async Task ABodyAfterThePathIsSentAsJson()
    {
        var run = await RunAsync(["invoke", "POST", "/orders", """{"sku":"PEN-1","quantity":1}"""]);

        var printed = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(201, printed.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"sku":"PEN-1","quantity":1,"accepted":true}""", printed.GetProperty("body").GetString());
    }

    [Fact]
    public async Task AManagementCommandEventRunsTheCommand()
    {
        var eventFile = Path.Combine(_folder, "command.json");
        await File.WriteAllTextAsync(eventFile, """{"command":"greet","args":["you"]}""");

        var run = await RunAsync(["invoke", eventFile]);

        Assert.Equal(0, run.ExitCode);
        var printed = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(0, printed.GetProperty("exitCode").GetInt32());
        Assert.Equal("Hello, you\n", printed.GetProperty("output").GetString());
    }

    [Fact]
    public async Task AnEventLambdaWouldFailPrintsLambdasErrorAndExitsWith1()
    {
        var eventFile = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(eventFile, """{"httpMethod": "POST", "path": """);

        var run = await RunAsync(["invoke", eventFile]);

        Assert.Equal(1, run.ExitCode);
        var error = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("MalformedEvent", error.GetProperty("errorType").GetString());
        Assert.Contains("not valid JSON", error.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty("stackTrace").ValueKind);
    }

    [Theory]
    [InlineData(new[] { "invoke" }, "invoke: no event given.")]
    [InlineData(new[] { "invoke", "missing.json" }, "invoke: no event file 'missing.json'")]
    [InlineData(new[] { "invoke", "GET", "orders" }, "invoke: the path 'orders' must start with '/'.")]
    public async Task WrongArgumentsPrintTheUsageAndExitWith2(string[] commandLine, string message)
    {
        var run = await RunAsync(commandLine);

        Assert.Equal(LocalRunServer.UsageExitCode, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Contains(LocalInvokeLine.Usage, run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void InsideLambdaInvokeArgumentsDoNotReplaceTheLambdaServer()
    {
        var environment = new FakeLambdaEnvironment
        {
            [Serverless.WebApp.Hosting.Runtime.LambdaEnvironmentVariables.RuntimeApi] = "127.0.0.1:9001",
            CommandLineArgs = ["invoke", "GET", "/"],
        };
        using var app = Build(environment, new RecordingConsole());

        Assert.IsType<Serverless.WebApp.Hosting.Server.LambdaServer>(app.Services.GetRequiredService<IServer>());
    }

    /// <summary>The payload without the values that differ per invocation (the date header).</summary>
    private static string Normalized(JsonElement payload)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(payload.GetRawText())!.AsObject();
        (node["headers"] as System.Text.Json.Nodes.JsonObject)?.Remove("date");
        (node["multiValueHeaders"] as System.Text.Json.Nodes.JsonObject)?.Remove("date");
        return node.ToJsonString();
    }

    private static void MapOrders(WebApplication app)
    {
        app.MapPost("/orders", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var sku = body.RootElement.GetProperty("sku").GetString();
            var quantity = body.RootElement.GetProperty("quantity").GetInt32();
            return Results.Text($$"""{"sku":"{{sku}}","quantity":{{quantity}},"accepted":true}""", "application/json", statusCode: 201);
        });
        app.MapGet("/orders/{id}", (string id, HttpRequest request) =>
            $"order {id}, expand={request.Query["expand"]}, {request.Scheme}://{request.Host}");
        app.MapCommand("greet", async (context, _) =>
        {
            await context.Output.WriteLineAsync($"Hello, {context.Args[0]}");
            return 0;
        });
    }

    private static Task<RecordingConsole> RunAsync(string[] commandLine) => LocalCommandApp.RunAsync(commandLine, MapOrders, Timeout);

    private static WebApplication Build(FakeLambdaEnvironment environment, RecordingConsole console) =>
        LocalCommandApp.Build(environment, console, MapOrders);
}
