using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.WebApp.Hosting.Runtime;

using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Runtime.SocketClient;

/// <summary>The Runtime API client against a scripted server on 127.0.0.1 that answers with raw bytes.</summary>
public class SocketRuntimeClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NextInvocationCarriesTheRuntimeHeadersAndTheEvent()
    {
        // GIVEN a Runtime API with one event
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.NextEvent("""{"rawPath":"/"}""")));
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
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.NextEvent("{}"), Gate: eventArrives.Task));
        using var client = Client(api);

        // WHEN the client has waited a while
        var next = client.GetNextInvocationAsync(CancellationToken.None);
        await Task.Delay(300);

        // THEN it is still waiting on the same request, and takes the event when it comes
        Assert.False(next.IsCompleted);
        eventArrives.SetResult();
        Assert.Equal(RawHttp.RequestId, (await next.WaitAsync(Patience)).RequestId);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task CancellingAWaitingNextEndsItPromptly()
    {
        // GIVEN a client waiting for an event that never comes
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer([], Gate: new TaskCompletionSource().Task));
        using var client = Client(api);
        using var stopping = new CancellationTokenSource();
        var next = client.GetNextInvocationAsync(stopping.Token);
        await Task.Delay(50);

        // WHEN the host stops (SIGTERM)
        await stopping.CancelAsync();

        // THEN the wait ends with a cancellation, not a retry
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Patience));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task CancelledWaitForNextIsNotRetried()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.NextEvent("{}")));
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
        await using var api = new ScriptedRuntimeApi(_ => ++attempt switch
        {
            1 => ScriptedAnswer.Hangup,
            2 => new ScriptedAnswer(RawHttp.Status(500, "Internal Server Error", """{"errorMessage":"busy"}""")),
            _ => new ScriptedAnswer(RawHttp.NextEvent("{\"ok\":1}")),
        });
        using var client = Client(api);

        // WHEN the client asks for the next invocation
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN it retried past both failures, reconnecting only after the hang-up
        Assert.Equal(3, api.Requests.Count);
        Assert.Equal([1, 2, 2], api.Requests.Select(r => r.Connection));
        Assert.Equal("{\"ok\":1}", Encoding.UTF8.GetString(next.Event.Span));
    }

    [Fact]
    public async Task TooManyRequestsIsRetried()
    {
        var attempt = 0;
        await using var api = new ScriptedRuntimeApi(_ => ++attempt == 1
            ? new ScriptedAnswer(RawHttp.Status(429, "Too Many Requests"))
            : new ScriptedAnswer(RawHttp.NextEvent("{}")));
        using var client = Client(api);

        await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task NextGivesUpAfterRepeatedFailures()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.Status(502, "Bad Gateway")));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Equal(SocketRuntimeClient.MaxNextAttempts, api.Requests.Count);
        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
    }

    [Fact]
    public async Task NextGivesUpWhenNothingListens()
    {
        // GIVEN an address where nothing listens any more
        int port;
        await using (var gone = new ScriptedRuntimeApi(_ => ScriptedAnswer.Hangup)) port = gone.Port;
        using var client = new SocketRuntimeClient($"127.0.0.1:{port}", NullLogger.Instance, TimeSpan.FromMilliseconds(1));

        // WHEN / THEN the refused connections are retried, then reported
        var failure = await Assert.ThrowsAsync<SocketException>(() => client.GetNextInvocationAsync(CancellationToken.None));
        Assert.Equal(SocketError.ConnectionRefused, failure.SocketErrorCode);
    }

    [Fact]
    public async Task ClientErrorOfNextIsNotRetried()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.Status(403, "Forbidden")));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Single(api.Requests);
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
    }

    [Fact]
    public async Task GarbageStatusLineIsAClearError()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.Bytes("SSH-2.0-OpenSSH_9.2\r\n\r\n")));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Equal(HttpRequestError.InvalidResponse, failure.HttpRequestError);
        Assert.Contains("GET /runtime/invocation/next", failure.Message);
        Assert.Contains("invalid status line 'SSH-2.0-OpenSSH_9.2'", failure.Message);
    }

    [Fact]
    public async Task NextWithoutARequestIdIsAClearError()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.Status(200, "OK", "{}")));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Contains("without a Lambda-Runtime-Aws-Request-Id header", failure.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task InvalidContentLengthIsAClearError()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.Bytes("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Contains("invalid Content-Length 'ten'", failure.Message);
    }

    [Fact]
    public async Task ChunkedEventBodyIsReassembled()
    {
        // GIVEN a Runtime API that sends the event in chunks, with a chunk extension and a trailer
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.ChunkedNextEvent("""{"rawPath":""", "\"/dna\"", "}")));
        using var client = Client(api);

        // WHEN the client reads it
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN the event is the chunks joined
        AssertIsTheScriptedEvent(next, """{"rawPath":"/dna"}""");
    }

    [Fact]
    public async Task AnswersArrivingOneByteAtATimeAreParsed()
    {
        // GIVEN a Runtime API whose every answer arrives one byte per read (one chunked, the others with a length)
        var nexts = 0;
        await using var api = new ScriptedRuntimeApi(request => request.IsNext
            ? new ScriptedAnswer(++nexts == 1 ? RawHttp.ChunkedNextEvent("{\"a\":", "1}") : RawHttp.NextEvent("{\"b\":2}"), OneByteAtATime: true)
            : new ScriptedAnswer(RawHttp.Accepted(), OneByteAtATime: true));
        using var client = Client(api);

        // WHEN the client runs two invocations
        var first = await client.GetNextInvocationAsync(CancellationToken.None);
        var firstEvent = Encoding.UTF8.GetString(first.Event.Span);
        await client.PostResponseAsync(first.RequestId, "{}"u8.ToArray(), CancellationToken.None);
        var second = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN both events and all headers came through intact
        Assert.Equal("{\"a\":1}", firstEvent);
        AssertIsTheScriptedEvent(second, "{\"b\":2}");
    }

    [Fact]
    public async Task HeaderNamesAreMatchedInAnyCase()
    {
        var answer = RawHttp.Bytes("HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id: id-lower\r\nLAMBDA-RUNTIME-DEADLINE-MS: 42\r\n" +
            "lambda-RUNTIME-invoked-function-arn: arn:x\r\nLambda-Runtime-Trace-Id:Root=1-x\r\ncontent-LENGTH: 2\r\n\r\n{}");
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(answer));
        using var client = Client(api);

        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(("id-lower", 42L, "arn:x", "Root=1-x", "{}"),
            (next.RequestId, next.DeadlineUnixMs, next.InvokedFunctionArn, next.TraceId, Encoding.UTF8.GetString(next.Event.Span)));
    }

    [Fact]
    public async Task BodyWithoutLengthRunsToTheEndOfTheConnection()
    {
        // GIVEN a Runtime API that answers without a length and closes, then serves the next /next on a new connection
        var nexts = 0;
        await using var api = new ScriptedRuntimeApi(_ => ++nexts == 1
            ? new ScriptedAnswer(RawHttp.Bytes($"HTTP/1.1 200 OK\r\n{RawHttp.LambdaHeaders("first")}Connection: close\r\n\r\n{{\"to\":\"end\"}}"), CloseAfter: true)
            : new ScriptedAnswer(RawHttp.NextEvent("{}", "second")));
        using var client = Client(api);

        var first = await client.GetNextInvocationAsync(CancellationToken.None);
        var firstEvent = Encoding.UTF8.GetString(first.Event.Span);
        var second = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("{\"to\":\"end\"}", firstEvent);
        Assert.Equal("second", second.RequestId);
        Assert.Equal(2, api.ConnectionCount);
    }

    [Fact]
    public async Task ResponseIsPostedToTheInvocationResponseEndpoint()
    {
        await using var api = new ScriptedRuntimeApi(r => new ScriptedAnswer(r.IsNext ? [] : RawHttp.Accepted()));
        using var client = Client(api);

        await client.PostResponseAsync("abc-123", "{\"statusCode\":200}"u8.ToArray(), CancellationToken.None);

        var request = api.Requests[0];
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2018-06-01/runtime/invocation/abc-123/response", request.Target);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("{\"statusCode\":200}", request.Body);
    }

    [Fact]
    public async Task RequestIdIsEscapedInThePath()
    {
        await using var api = new ScriptedRuntimeApi(r => new ScriptedAnswer(r.IsNext ? [] : RawHttp.Accepted()));
        using var client = Client(api);

        await client.PostResponseAsync("a/b c?é", "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal($"/2018-06-01/runtime/invocation/{Uri.EscapeDataString("a/b c?é")}/response", api.Requests[0].Target);
    }

    [Fact]
    public async Task NextIsPipelinedBehindTheResponse()
    {
        // GIVEN a Runtime API that answers a posted response only once the next /next has arrived behind it
        await using var api = new ScriptedRuntimeApi(r => r.IsNext
            ? new ScriptedAnswer(RawHttp.NextEvent("{\"n\":2}", "second"))
            : new ScriptedAnswer(RawHttp.Accepted(), HoldUntilNextRequest: true));
        using var client = Client(api);

        // WHEN the client posts a response and then asks for the next event
        await client.PostResponseAsync("first", "{}"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);
        var next = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Patience);

        // THEN /next went out on the same connection without waiting for the 202, and only once
        Assert.Equal(["POST", "GET"], api.Requests.Select(r => r.Method));
        Assert.Equal(1, api.ConnectionCount);
        Assert.Equal("second", next.RequestId);
    }

    [Fact]
    public async Task NextIsPipelinedBehindAnError()
    {
        await using var api = new ScriptedRuntimeApi(r => r.IsNext
            ? new ScriptedAnswer(RawHttp.NextEvent("{}", "second"))
            : new ScriptedAnswer(RawHttp.Accepted(), HoldUntilNextRequest: true));
        using var client = Client(api);

        await client.PostErrorAsync("first", new LambdaErrorReport("Boom", "boom", []), CancellationToken.None).WaitAsync(Patience);
        var next = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(["POST", "GET"], api.Requests.Select(r => r.Method));
        Assert.Equal("second", next.RequestId);
    }

    [Fact]
    public async Task PostingAgainBeforeThePipelinedNextIsReadIsRefused()
    {
        // GIVEN a client whose /next is pipelined behind a posted response
        await using var api = new ScriptedRuntimeApi(r => new ScriptedAnswer(r.IsNext ? [] : RawHttp.Accepted()));
        using var client = Client(api);
        await client.PostResponseAsync("first", "{}"u8.ToArray(), CancellationToken.None);

        // WHEN something posts again without reading the next event
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PostResponseAsync("first", "{}"u8.ToArray(), CancellationToken.None));

        // THEN it is refused, and nothing more was sent that could lose the event
        Assert.Contains("pipelined GET /runtime/invocation/next is still unanswered", failure.Message);
        Assert.Equal(["POST", "GET"], api.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task AcceptedAndNextEventInOneSegmentAreBothRead()
    {
        // GIVEN a Runtime API that answers the post and the pipelined /next in a single write
        await using var api = new ScriptedRuntimeApi(r => r.IsNext
            ? new ScriptedAnswer([])
            : new ScriptedAnswer([.. RawHttp.Accepted(), .. RawHttp.ChunkedNextEvent("{\"n\":", "2}")], HoldUntilNextRequest: true));
        using var client = Client(api);

        // WHEN the client posts and asks for the next event
        await client.PostResponseAsync("first", "{}"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);
        var next = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Patience);

        // THEN the bytes beyond the 202 were kept for the /next answer
        AssertIsTheScriptedEvent(next, "{\"n\":2}");
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task ConnectionCloseOnTheAcceptedMakesTheClientAskForNextAgain()
    {
        // GIVEN a Runtime API that closes the connection after accepting the response, without answering the pipelined /next
        await using var api = new ScriptedRuntimeApi(r => r.IsNext
            ? new ScriptedAnswer(RawHttp.NextEvent("{}", "second"))
            : new ScriptedAnswer(RawHttp.Accepted("Connection: close\r\n"), CloseAfter: true));
        using var client = Client(api);

        // WHEN the client posts a response and asks for the next event
        await client.PostResponseAsync("first", "{}"u8.ToArray(), CancellationToken.None);
        var next = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Patience);

        // THEN it asked again on a new connection and got the event once
        Assert.Equal("second", next.RequestId);
        Assert.Equal(2, api.ConnectionCount);
        Assert.Equal(2, api.Requests[^1].Connection);
        Assert.True(api.Requests[^1].IsNext);
    }

    [Fact]
    public async Task ConnectionLostBeforeThePipelinedNextIsAnsweredIsRecovered()
    {
        // GIVEN a Runtime API that reads the pipelined /next on the first connection but drops it without answering
        await using var api = new ScriptedRuntimeApi(r => (r.IsNext, r.Connection) switch
        {
            (false, _) => new ScriptedAnswer(RawHttp.Accepted()),
            (true, 1) => ScriptedAnswer.Hangup,
            _ => new ScriptedAnswer(RawHttp.NextEvent("{}", "second")),
        });
        using var client = Client(api);

        // WHEN the client posts a response and asks for the next event
        await client.PostResponseAsync("first", "{}"u8.ToArray(), CancellationToken.None);
        var next = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Patience);

        // THEN /next was sent again on a new connection
        Assert.Equal("second", next.RequestId);
        Assert.Equal([(1, "POST"), (1, "GET"), (2, "GET")], api.Requests.Select(r => (r.Connection, r.Method)));
    }

    [Fact]
    public async Task PostOnAConnectionClosedWhileHandlingIsSentAgainOnANewOne()
    {
        // GIVEN a Runtime API that delivers an event and then closes the idle connection without saying so
        await using var api = new ScriptedRuntimeApi(r => r.IsNext
            ? new ScriptedAnswer(RawHttp.NextEvent("{}"), CloseAfter: r.Connection == 1)
            : new ScriptedAnswer(RawHttp.Accepted()));
        using var client = Client(api);
        var next = await client.GetNextInvocationAsync(CancellationToken.None);
        await Task.Delay(50);

        // WHEN the client posts the response
        await client.PostResponseAsync(next.RequestId, "{\"done\":true}"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        // THEN the response reached the Runtime API on a new connection
        var post = Assert.Single(api.Requests, r => r.Method == "POST");
        Assert.Equal((2, "{\"done\":true}"), (post.Connection, post.Body));
    }

    [Fact]
    public async Task LargeResponseIsPostedWholeAndNextStillPipelined()
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new string('x', 200_000));
        await using var api = new ScriptedRuntimeApi(r => r.IsNext
            ? new ScriptedAnswer(RawHttp.NextEvent("{}", "second"))
            : new ScriptedAnswer(RawHttp.Accepted(), HoldUntilNextRequest: true));
        using var client = Client(api);

        await client.PostResponseAsync("first", payload, CancellationToken.None).WaitAsync(Patience);
        var next = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(Encoding.UTF8.GetString(payload), api.Requests[0].Body);
        Assert.Equal("second", next.RequestId);
    }

    [Fact]
    public async Task LargeEventIsReadWhole()
    {
        var json = JsonSerializer.Serialize(new string('y', 300_000));
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.NextEvent(json)));
        using var client = Client(api);

        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(json, Encoding.UTF8.GetString(next.Event.Span));
    }

    [Fact]
    public async Task ErrorIsPostedWithTheErrorTypeHeaderAndDocumentedBody()
    {
        await using var api = new ScriptedRuntimeApi(r => new ScriptedAnswer(r.IsNext ? [] : RawHttp.Accepted()));
        using var client = Client(api);

        await client.PostErrorAsync("abc-123", new LambdaErrorReport("MalformedEvent", "bad \"json\"", ["at A", "at B"]), CancellationToken.None);

        var request = api.Requests[0];
        Assert.Equal("/2018-06-01/runtime/invocation/abc-123/error", request.Target);
        Assert.Equal("MalformedEvent", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("bad \"json\"", body.GetProperty("errorMessage").GetString());
        Assert.Equal("MalformedEvent", body.GetProperty("errorType").GetString());
        Assert.Equal(["at A", "at B"], body.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task InitErrorIsPostedToTheInitErrorEndpointWithoutAskingForEvents()
    {
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.Accepted()));
        using var client = Client(api);

        await client.PostInitErrorAsync(LambdaErrorReport.FromException(new InvalidOperationException("no config"), "Runtime.StartupFailure"), CancellationToken.None);
        await Task.Delay(50);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", request.Target);
        Assert.Equal("Runtime.StartupFailure", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("no config", JsonDocument.Parse(request.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RejectedPostIsLoggedNotThrown()
    {
        // GIVEN a Runtime API that rejects the response as too large
        await using var api = new ScriptedRuntimeApi(r => new ScriptedAnswer(r.IsNext ? [] : RawHttp.Status(413, "Request Entity Too Large", "{\"errorMessage\":\"too large\"}")));
        using var logs = new CapturingLoggerProvider();
        using var client = new SocketRuntimeClient(api.Address, logs.CreateLogger("client"), TimeSpan.FromMilliseconds(1));

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
        await using var api = new ScriptedRuntimeApi(_ => new ScriptedAnswer(RawHttp.NextEvent("{}")));
        using var client = new SocketRuntimeClient($"localhost:{api.Port}", NullLogger.Instance, TimeSpan.FromMilliseconds(1));

        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(RawHttp.RequestId, next.RequestId);
        Assert.Equal($"localhost:{api.Port}", api.Requests.Single().Headers["Host"]);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:http")]
    [InlineData(":9001")]
    public void MalformedRuntimeApiAddressIsAClearError(string address)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new SocketRuntimeClient(address, NullLogger.Instance, TimeSpan.Zero));

        Assert.Contains($"AWS_LAMBDA_RUNTIME_API is '{address}'; expected host:port", failure.Message);
    }

    private static SocketRuntimeClient Client(ScriptedRuntimeApi api) =>
        new(api.Address, NullLogger.Instance, TimeSpan.FromMilliseconds(1));

    private static void AssertIsTheScriptedEvent(LambdaNextInvocation next, string json)
    {
        Assert.Equal(RawHttp.RequestId, next.RequestId);
        Assert.Equal(1542409706888, next.DeadlineUnixMs);
        Assert.Equal(RawHttp.FunctionArn, next.InvokedFunctionArn);
        Assert.Equal(RawHttp.TraceId, next.TraceId);
        Assert.Equal(json, Encoding.UTF8.GetString(next.Event.Span));
    }
}
