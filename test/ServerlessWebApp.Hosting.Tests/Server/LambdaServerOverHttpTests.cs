using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Tests.Events;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Server;

/// <summary>The whole stack over real HTTP: app with AddServerlessWebApp → LambdaRuntimeClient → a tiny Runtime API on loopback.</summary>
public class LambdaServerOverHttpTests
{
    [Fact]
    public async Task AppServesEventsFromARuntimeApiOverHttp()
    {
        // GIVEN a Runtime API on 127.0.0.1 with a malformed event then an HTTP API event queued
        await using var runtimeApi = await TinyRuntimeApi.StartAsync();
        runtimeApi.Enqueue("bad-1", "not json");
        runtimeApi.Enqueue("good-2", TestEvents.HttpApi(rawPath: "/compute-dna/"), traceId: "Root=1-abc");

        // WHEN an app registered with AddServerlessWebApp starts with AWS_LAMBDA_RUNTIME_API pointing at it
        var environment = new FakeLambdaEnvironment { ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Address };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddServerlessWebApp(null, environment);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/compute-dna/", () => "Hello from the foundry");
        await app.StartAsync();

        // THEN the malformed event is posted to /error and the good one to /response, over one connection
        var error = await runtimeApi.ResultAsync("bad-1");
        var response = await runtimeApi.ResultAsync("good-2");
        await app.StopAsync();

        Assert.Equal("error", error.Kind);
        Assert.Equal("MalformedEvent", error.ErrorTypeHeader);
        Assert.Equal("MalformedEvent", JsonDocument.Parse(error.Body).RootElement.GetProperty("errorType").GetString());
        Assert.Equal("response", response.Kind);
        Assert.Equal("""{"statusCode":200,"headers":{"Content-Type":"text/plain; charset=utf-8"},"body":"Hello from the foundry","isBase64Encoded":false}""", response.Body);
        Assert.Equal(1, runtimeApi.ConnectionCount);
    }

    private sealed record PostedResult(string Kind, string Body, string? ErrorTypeHeader);

    /// <summary>Just enough of the Runtime API for this test: /next from a queue, /response and /error recorded.</summary>
    private sealed class TinyRuntimeApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Channel<(string Id, string Body, string? TraceId)> _events = Channel.CreateUnbounded<(string, string, string?)>();
        private readonly ConcurrentDictionary<string, TaskCompletionSource<PostedResult>> _results = new();
        private readonly ConcurrentDictionary<string, bool> _connections = new();

        private TinyRuntimeApi(WebApplication app) => _app = app;

        public string Address { get; private set; } = "";

        public int ConnectionCount => _connections.Count;

        public static async Task<TinyRuntimeApi> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var api = new TinyRuntimeApi(app);
            app.MapGet("/2018-06-01/runtime/invocation/next", async (HttpContext context) =>
            {
                api._connections[context.Connection.Id] = true;
                var (id, body, traceId) = await api._events.Reader.ReadAsync(context.RequestAborted);
                context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
                context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds().ToString();
                context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:app";
                if (traceId is not null) context.Response.Headers["Lambda-Runtime-Trace-Id"] = traceId;
                await context.Response.WriteAsync(body);
            });
            app.MapPost("/2018-06-01/runtime/invocation/{id}/{kind}", async (string id, string kind, HttpContext context) =>
            {
                api._connections[context.Connection.Id] = true;
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                string? errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"];
                api.Result(id).TrySetResult(new PostedResult(kind, body, errorType));
                return Results.StatusCode(StatusCodes.Status202Accepted);
            });
            await app.StartAsync();
            api.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;
            return api;
        }

        public void Enqueue(string id, string body, string? traceId = null) => _events.Writer.TryWrite((id, body, traceId));

        public Task<PostedResult> ResultAsync(string id) => Result(id).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private TaskCompletionSource<PostedResult> Result(string id) =>
            _results.GetOrAdd(id, _ => new TaskCompletionSource<PostedResult>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
