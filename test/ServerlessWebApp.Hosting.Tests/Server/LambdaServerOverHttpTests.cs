using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Runtime.Scripted;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Server;

/// <summary>The whole stack over real HTTP: app with AddServerlessWebApp → LambdaRuntimeClient → a scripted Runtime API on loopback.</summary>
public class LambdaServerOverHttpTests
{
    [Fact]
    public async Task AppServesEventsFromARuntimeApiOverHttp()
    {
        // GIVEN a Runtime API on 127.0.0.1 with a malformed event then an HTTP API event queued, then nothing more
        var nexts = 0;
        var never = new TaskCompletionSource();
        await using var runtimeApi = await ScriptedRuntimeApi.StartAsync(r => !r.IsNext ? ScriptedAnswer.Accepted : ++nexts switch
        {
            1 => ScriptedAnswer.NextEvent("not json", "bad-1"),
            2 => ScriptedAnswer.NextEvent(TestEvents.HttpApi(rawPath: "/compute-dna/"), "good-2"),
            _ => ScriptedAnswer.NextEvent("{}") with { Gate = never.Task },
        });

        // WHEN an app registered with AddServerlessWebApp starts with AWS_LAMBDA_RUNTIME_API pointing at it
        var environment = new FakeLambdaEnvironment { ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Address };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, environment);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/compute-dna/", () => "Hello from the foundry");
        await app.StartAsync();

        // THEN the malformed event is posted to /error and the good one to /response, over one connection
        await runtimeApi.Received(5).WaitAsync(TimeSpan.FromSeconds(30));
        await app.StopAsync();
        var (error, response) = (runtimeApi.Requests[1], runtimeApi.Requests[3]);

        Assert.Equal("/2018-06-01/runtime/invocation/bad-1/error", error.Target);
        Assert.Equal("MalformedEvent", error.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("MalformedEvent", JsonDocument.Parse(error.Body).RootElement.GetProperty("errorType").GetString());
        Assert.Equal("/2018-06-01/runtime/invocation/good-2/response", response.Target);
        Assert.Equal("""{"statusCode":200,"headers":{"Content-Type":"text/plain; charset=utf-8"},"body":"Hello from the foundry","isBase64Encoded":false}""", response.Body);
        Assert.Equal(1, runtimeApi.ConnectionCount);
    }
}
