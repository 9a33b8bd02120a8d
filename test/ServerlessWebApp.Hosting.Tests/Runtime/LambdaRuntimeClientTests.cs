using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Tests.Runtime.Scripted;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Runtime;

/// <summary>The Runtime API client against a scripted Runtime API on 127.0.0.1. Every wait is on a signal, none on time.</summary>
public class LambdaRuntimeClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NextInvocationCarriesTheRuntimeHeadersAndTheEvent()
    {
        // GIVEN a Runtime API with one event
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("""{"rawPath":"/"}"""));
        using var client = Client(api);

        // WHEN the client asks for the next invocation
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN it asked the documented endpoint and returns the headers and payload
        var request = api.Requests.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/2018-06-01/runtime/invocation/next", request.Target);
        Assert.Equal(api.Address, request.Headers["Host"]);
        AssertIsTheScriptedEvent(next, """{"rawPath":"/"}""");
    }

    [Fact]
    public async Task NextWaitsForAnEventWithoutATimeout()
    {
        // GIVEN a Runtime API that holds /next until an event arrives
        var eventArrives = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("{}") with { Gate = eventArrives.Task });
        using var client = Client(api);

        // WHEN the client's /next has arrived and waits
        var next = client.GetNextInvocationAsync(CancellationToken.None);
        await api.Received(1).WaitAsync(Patience);

        // THEN nothing ends the wait but the event, and the event is taken when it comes
        Assert.False(next.IsCompleted);
        eventArrives.SetResult();
        Assert.Equal(ScriptedAnswer.RequestId, (await next.WaitAsync(Patience)).RequestId);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task CancellingAWaitingNextEndsItPromptly()
    {
        // GIVEN a client waiting for an event that never comes
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("{}") with { Gate = new TaskCompletionSource().Task });
        using var client = Client(api);
        using var stopping = new CancellationTokenSource();
        var next = client.GetNextInvocationAsync(stopping.Token);
        await api.Received(1).WaitAsync(Patience);

        // WHEN the host stops (SIGTERM)
        await stopping.CancelAsync();

        // THEN the wait ends with a cancellation, not a retry
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Patience));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task CancelledWaitForNextIsNotSent()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("{}"));
        using var client = Client(api);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetNextInvocationAsync(cancelled.Token));

        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task TransientFailuresOfNextAreRetried()
    {
        // GIVEN a Runtime API that first hangs up, then answers 500, then delivers
        var attempt = 0;
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ++attempt switch
        {
            1 => ScriptedAnswer.Hangup,
            2 => ScriptedAnswer.Status(500, """{"errorMessage":"busy"}"""),
            _ => ScriptedAnswer.NextEvent("{\"ok\":1}"),
        });
        using var client = Client(api);

        // WHEN the client asks for the next invocation
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN it retried past both failures, reconnecting only after the hang-up
        Assert.Equal([1, 2, 2], api.Requests.Select(r => r.Connection));
        Assert.Equal("{\"ok\":1}", Encoding.UTF8.GetString(next.Event.Span));
    }

    [Fact]
    public async Task TooManyRequestsIsRetried()
    {
        var attempt = 0;
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ++attempt == 1 ? ScriptedAnswer.Status(429) : ScriptedAnswer.NextEvent("{}"));
        using var client = Client(api);

        await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task NextGivesUpAfterRepeatedFailures()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Status(502));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Equal(LambdaRuntimeClient.MaxNextAttempts, api.Requests.Count);
        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
    }

    [Fact]
    public async Task NextGivesUpWhenNothingListens()
    {
        // GIVEN an address where nothing listens any more
        int port;
        await using (var gone = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Hangup)) port = gone.Port;
        using var client = new LambdaRuntimeClient($"127.0.0.1:{port}", NullLogger.Instance, TimeSpan.FromMilliseconds(1));

        // WHEN / THEN the refused connections are retried, then reported
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));
        Assert.Equal(HttpRequestError.ConnectionError, failure.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failure.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task ClientErrorOfNextIsNotRetried()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Status(403));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Single(api.Requests);
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Contains("GET /runtime/invocation/next answered 403", failure.Message);
    }

    [Fact]
    public async Task NextWithoutARequestIdIsAClearError()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Status(200, "{}"));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Contains("without a Lambda-Runtime-Aws-Request-Id header", failure.Message);
        Assert.Single(api.Requests);
    }

    [Theory]
    [InlineData("123abc")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData("0x10")]
    [InlineData("253402300800000")]      // one millisecond after 9999-12-31T23:59:59.999Z
    [InlineData("99999999999999999999")] // beyond a 64-bit integer
    public async Task MalformedDeadlineIsReportedNotGuessed(string deadline)
    {
        // GIVEN a Runtime API whose deadline header is not a number of milliseconds a clock can hold
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("{}", deadline: deadline));
        using var client = Client(api);

        // WHEN the client reads the invocation
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN it is still handed over (so its error can be posted), with no deadline read into it and the header named
        Assert.Equal(ScriptedAnswer.RequestId, next.RequestId);
        Assert.Equal(0, next.DeadlineUnixMs);
        Assert.Contains($"Lambda-Runtime-Deadline-Ms: '{deadline}'", next.MalformedHeader);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1542409706888", 1542409706888)]
    [InlineData("253402300799999", 253402300799999)] // 9999-12-31T23:59:59.999Z, the last instant a DateTimeOffset holds
    public async Task WellFormedDeadlineIsRead(string deadline, long expected)
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("{}", deadline: deadline));
        using var client = Client(api);

        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(expected, next.DeadlineUnixMs);
        Assert.Null(next.MalformedHeader);
    }

    [Fact]
    public async Task ResponseIsPostedToTheInvocationResponseEndpoint()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Accepted);
        using var client = Client(api);

        await client.PostResponseAsync("abc-123", "{\"statusCode\":200}"u8.ToArray(), CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2018-06-01/runtime/invocation/abc-123/response", request.Target);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("{\"statusCode\":200}", request.Body);
    }

    [Fact]
    public async Task RequestIdIsEscapedInThePath()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Accepted);
        using var client = Client(api);

        await client.PostResponseAsync("a/b c?é", "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal($"/2018-06-01/runtime/invocation/{Uri.EscapeDataString("a/b c?é")}/response", api.Requests[0].Target);
    }

    [Fact]
    public async Task InvocationsReuseOneConnection()
    {
        // GIVEN a Runtime API that delivers events and accepts results
        var nexts = 0;
        await using var api = await ScriptedRuntimeApi.StartAsync(r => r.IsNext ? ScriptedAnswer.NextEvent("{}", $"id-{++nexts}") : ScriptedAnswer.Accepted);
        using var client = Client(api);

        // WHEN the client runs three invocations
        for (var i = 0; i < 3; i++)
        {
            var next = await client.GetNextInvocationAsync(CancellationToken.None);
            await client.PostResponseAsync(next.RequestId, "{}"u8.ToArray(), CancellationToken.None);
        }

        // THEN every request went out on the same connection, one after the other
        Assert.Equal(["GET", "POST", "GET", "POST", "GET", "POST"], api.Requests.Select(r => r.Method));
        Assert.Equal(1, api.ConnectionCount);
    }

    [Fact]
    public async Task PostAfterTheRuntimeApiClosedTheConnectionGoesOutOnANewOne()
    {
        // GIVEN a Runtime API that delivers an event and closes the connection after it
        await using var api = await ScriptedRuntimeApi.StartAsync(r => r.IsNext
            ? ScriptedAnswer.NextEvent("{}") with { Headers = CloseAfter(ScriptedAnswer.NextEvent("{}").Headers!) }
            : ScriptedAnswer.Accepted);
        using var client = Client(api);
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // WHEN the client posts the response
        await client.PostResponseAsync(next.RequestId, "{\"done\":true}"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        // THEN the response reached the Runtime API on a new connection
        var post = Assert.Single(api.Requests, r => r.Method == "POST");
        Assert.Equal((2, "{\"done\":true}"), (post.Connection, post.Body));
    }

    [Fact]
    public async Task LargeEventIsReadWholeAndLargeResponsePostedWhole()
    {
        var eventJson = JsonSerializer.Serialize(new string('y', 300_000));
        var payload = JsonSerializer.SerializeToUtf8Bytes(new string('x', 200_000));
        await using var api = await ScriptedRuntimeApi.StartAsync(r => r.IsNext ? ScriptedAnswer.NextEvent(eventJson) : ScriptedAnswer.Accepted);
        using var client = Client(api);

        var next = await client.GetNextInvocationAsync(CancellationToken.None);
        Assert.Equal(eventJson, Encoding.UTF8.GetString(next.Event.Span));
        await client.PostResponseAsync(next.RequestId, payload, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetString(payload), api.Requests[1].Body);
    }

    [Fact]
    public async Task ErrorIsPostedWithTheErrorTypeHeaderAndDocumentedBody()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Accepted);
        using var client = Client(api);

        await client.PostErrorAsync("abc-123", new LambdaErrorReport("MalformedEvent", "bad \"json\"", ["at A", "at B"]), CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/2018-06-01/runtime/invocation/abc-123/error", request.Target);
        Assert.Equal("MalformedEvent", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("bad \"json\"", body.GetProperty("errorMessage").GetString());
        Assert.Equal("MalformedEvent", body.GetProperty("errorType").GetString());
        Assert.Equal(["at A", "at B"], body.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ErrorTypeThatCannotBeAHeaderIsSentAsPrintableAscii()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Accepted);
        using var client = Client(api);

        await client.PostErrorAsync("abc", new LambdaErrorReport("Bad\r\nX-Injected: 1é", "m", []), CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("Bad__X-Injected: 1_", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.False(request.Headers.ContainsKey("X-Injected"));
        Assert.Equal("Bad\r\nX-Injected: 1é", JsonDocument.Parse(request.Body).RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task InitErrorIsPostedToTheInitErrorEndpointWithoutAskingForEvents()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Accepted);
        using var client = Client(api);

        await client.PostInitErrorAsync(LambdaErrorReport.FromException(new InvalidOperationException("no config"), "Runtime.StartupFailure"), CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", request.Target);
        Assert.Equal("Runtime.StartupFailure", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("no config", JsonDocument.Parse(request.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RejectedPostIsLoggedNotThrown()
    {
        // GIVEN a Runtime API that rejects the response as too large
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.Status(413, """{"errorMessage":"too large"}"""));
        using var logs = new CapturingLoggerProvider();
        using var client = new LambdaRuntimeClient(api.Address, logs.CreateLogger("client"), TimeSpan.FromMilliseconds(1));

        // WHEN the client posts it
        await client.PostResponseAsync("abc", new byte[10], CancellationToken.None);

        // THEN the rejection is logged with its status and detail
        var log = Assert.Single(logs.Logs, l => l.Level == LogLevel.Error);
        Assert.Contains("413", log.Message);
        Assert.Contains("too large", log.Message);
        Assert.Equal("POST", api.Requests[0].Method);
    }

    [Fact]
    public async Task HostNameIsResolved()
    {
        await using var api = await ScriptedRuntimeApi.StartAsync(_ => ScriptedAnswer.NextEvent("{}"));
        using var client = new LambdaRuntimeClient($"localhost:{api.Port}", NullLogger.Instance, TimeSpan.FromMilliseconds(1));

        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(ScriptedAnswer.RequestId, next.RequestId);
        Assert.Equal($"localhost:{api.Port}", api.Requests.Single().Headers["Host"]);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:http")]
    [InlineData(":9001")]
    [InlineData("127.0.0.1:9001/path")]
    public void MalformedRuntimeApiAddressIsAClearError(string address)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new LambdaRuntimeClient(address, NullLogger.Instance, TimeSpan.Zero));

        Assert.Contains($"AWS_LAMBDA_RUNTIME_API is '{address}'; expected host:port", failure.Message);
    }

    private static LambdaRuntimeClient Client(ScriptedRuntimeApi api) =>
        new(api.Address, NullLogger.Instance, TimeSpan.FromMilliseconds(1));

    private static Dictionary<string, string> CloseAfter(IReadOnlyDictionary<string, string> headers) =>
        new(headers) { ["Connection"] = "close" };

    private static void AssertIsTheScriptedEvent(LambdaNextInvocation next, string json)
    {
        Assert.Equal(ScriptedAnswer.RequestId, next.RequestId);
        Assert.Equal(ScriptedAnswer.DeadlineMs, next.DeadlineUnixMs);
        Assert.Equal(ScriptedAnswer.FunctionArn, next.InvokedFunctionArn);
        Assert.Equal(ScriptedAnswer.TraceId, next.TraceId);
        Assert.Null(next.MalformedHeader);
        Assert.Equal(json, Encoding.UTF8.GetString(next.Event.Span));
    }
}
