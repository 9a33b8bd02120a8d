using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting;
using Serverless.WebApp.Hosting.Buffers;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Runtime;

namespace Serverless.WebApp.Benchmarks.Bridge;

/// <summary>
/// Cost of one small GET through the Lambda bridge (event JSON → HttpContext → app → response JSON), for an HTTP API
/// (payload 2.0) and a REST API (payload 1.0) event, against the same request through TestServer (in-memory
/// HttpClient → HttpContext → app → HttpResponseMessage). Same app, same headers, same run. The Runtime API round
/// trip is excluded on both sides; the warm-invocation benchmark covers it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class BridgeOverheadBenchmarks
{
    private const string Body = "Hello from the foundry";

    private WebApplication _lambdaApp = null!;
    private WebApplication _testServerApp = null!;
    private HttpClient _testClient = null!;
    private ILambdaEventHandler _httpApi = null!;
    private ILambdaEventHandler _restApi = null!;
    private readonly PooledBufferWriter _response = new(4096);
    private readonly byte[] _httpApiEvent = Encoding.UTF8.GetBytes(BenchmarkEvents.HttpApiGet);
    private readonly byte[] _restApiEvent = Encoding.UTF8.GetBytes(BenchmarkEvents.RestApiGet);

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var lambda = WebApplication.CreateSlimBuilder();
        lambda.Services.AddServerlessWebApp(null, new BenchmarkEnvironment());
        lambda.Services.AddSingleton<ILambdaRuntimeClient, IdleRuntimeClient>();
        lambda.Logging.ClearProviders();
        _lambdaApp = lambda.Build();
        _lambdaApp.Run(SmallGet);
        await _lambdaApp.StartAsync();
        var handlers = _lambdaApp.Services.GetServices<ILambdaEventHandler>().ToList();
        _httpApi = Recognising(handlers, _httpApiEvent);
        _restApi = Recognising(handlers, _restApiEvent);

        var testServer = WebApplication.CreateSlimBuilder();
        testServer.WebHost.UseTestServer();
        testServer.Logging.ClearProviders();
        _testServerApp = testServer.Build();
        _testServerApp.Run(SmallGet);
        await _testServerApp.StartAsync();
        _testClient = _testServerApp.GetTestClient();
        foreach (var (name, value) in BenchmarkEvents.Headers) _testClient.DefaultRequestHeaders.TryAddWithoutValidation(name, value);

        // Both paths must produce the same answer, or the comparison means nothing.
        if (!(await TestServerAsync()).Contains(Body) || !(await HttpApiV2Async()).Contains(Body) || !(await RestApiV1Async()).Contains(Body))
        {
            throw new InvalidOperationException("A benchmark path did not return the app's response.");
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _testClient.Dispose();
        await _lambdaApp.StopAsync();
        await _testServerApp.StopAsync();
        await _lambdaApp.DisposeAsync();
        await _testServerApp.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "TestServer GET /hello")]
    public async Task<string> TestServerAsync()
    {
        using var response = await _testClient.GetAsync("/hello");
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "Bridge HTTP API v2 GET /hello")]
    public Task<string> HttpApiV2Async() => InvokeAsync(_httpApi, _httpApiEvent);

    [Benchmark(Description = "Bridge REST API v1 GET /hello")]
    public Task<string> RestApiV1Async() => InvokeAsync(_restApi, _restApiEvent);

    private async Task<string> InvokeAsync(ILambdaEventHandler handler, byte[] payload)
    {
        _response.Reset();
        using (var document = JsonDocument.Parse(payload))
        {
            var invocation = new LambdaInvocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", DateTimeOffset.MaxValue,
                "arn:aws:lambda:us-east-1:123456789012:function:app", null, payload, document.RootElement);
            await handler.HandleAsync(invocation, _response, CancellationToken.None);
        }
        // The bridge's product is the UTF-8 payload posted to the Runtime API; decoding it here would bill the
        // bridge for a string TestServer's caller also pays for, so the same decode is done on both sides.
        return Encoding.UTF8.GetString(_response.WrittenSpan);
    }

    private static Task SmallGet(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(Body);
    }

    private static ILambdaEventHandler Recognising(List<ILambdaEventHandler> handlers, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return handlers.OrderBy(h => h.Order).First(h => h.CanHandle(document.RootElement));
    }
}
