using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.RuntimeApi;

/// <summary>
/// The emulator's own HTTP/1.1 server, played on a bare socket: keep-alive, pipelining, chunked and split request
/// bodies, and the errors a malformed or misdirected request gets. A runtime client may rely on any of these.
/// </summary>
public sealed class RuntimeApiEmulatorWireTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const string Next = "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n";
    private LambdaRuntimeApiEmulator _emulator = null!;
    private RawHttpConnection _runtime = null!;

    public async Task InitializeAsync()
    {
        _emulator = await LambdaRuntimeApiEmulator.StartAsync();
        _runtime = await RawHttpConnection.ConnectAsync(_emulator.Address);
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task PipelinedResponseAndNextAreAnsweredInOrder()
    {
        // GIVEN two events queued and the first one delivered
        var first = _emulator.InvokeAsync("""{"n":1}""", Timeout);
        var second = _emulator.InvokeAsync("""{"n":2}""", Timeout);
        await _runtime.SendAsync(Next);
        var firstId = (await _runtime.ReadResponseAsync()).Header("Lambda-Runtime-Aws-Request-Id");

        // WHEN the runtime writes its response and its next poll back to back, in one write
        await _runtime.SendAsync(Response(firstId, """{"answer":1}""") + Next);

        // THEN the answers come in request order: 202 for the response, then the second event
        var accepted = await _runtime.ReadResponseAsync();
        var delivered = await _runtime.ReadResponseAsync();
        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal(200, delivered.StatusCode);
        Assert.Equal("""{"n":2}""", delivered.Body);
        Assert.Equal("""{"answer":1}""", (await first).Body);
        await AnswerAcceptedAsync(delivered.Header("Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(InvocationOutcome.Response, (await second).Outcome);
    }

    [Fact]
    public async Task PipelinedAnswerIsNotHeldBackByANextThatWaits()
    {
        // GIVEN one event, delivered
        var only = _emulator.InvokeAsync("""{"n":1}""", Timeout);
        var requestId = await NextRequestIdAsync();

        // WHEN the runtime pipelines its response and its next poll, and nothing else is queued
        await _runtime.SendAsync(Response(requestId, "{}") + Next);

        // THEN the 202 arrives while the poll waits, and the poll is answered when the next event comes
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
        await only;
        await WaitForPollsAsync(2);
        await InvokeDeliverAndAnswerAsync("""{"n":2}""");
    }

    [Fact]
    public async Task ChunkedResponseBodyIsReassembled()
    {
        // GIVEN a delivered event
        var invocation = _emulator.InvokeAsync("{}", Timeout);
        var requestId = await NextRequestIdAsync();

        // WHEN the runtime posts its response in chunks, with a chunk extension and a trailer field
        await _runtime.SendAsync(
            $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: runtime\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "5\r\n{\"sta\r\n" + "c;note=x\r\ntusCode\":200\r\n" + "1\r\n}\r\n" + "0\r\nX-Trailer: ignored\r\n\r\n");

        // THEN the emulator accepts it and the caller gets the chunks joined
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
        Assert.Equal("""{"statusCode":200}""", (await invocation).Body);
    }

    [Fact]
    public async Task RequestsSentOneByteAtATimeAreUnderstood()
    {
        // GIVEN an event queued
        var invocation = _emulator.InvokeAsync("""{"split":true}""", Timeout);

        // WHEN the runtime polls and answers with every byte in its own write (one response chunked, one not)
        await _runtime.SendOneByteAtATimeAsync(Next);
        var delivered = await _runtime.ReadResponseAsync();
        var requestId = delivered.Header("Lambda-Runtime-Aws-Request-Id");
        await _runtime.SendOneByteAtATimeAsync(
            $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: runtime\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "4\r\n\"é\"\r\n0\r\n\r\n");

        // THEN both requests are parsed as if they had come in one piece
        Assert.Equal("""{"split":true}""", delivered.Body);
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
        Assert.Equal("\"é\"", (await invocation).Body);
        var late = _emulator.InvokeAsync("{}", Timeout);
        var lateId = await NextRequestIdAsync();
        await _runtime.SendOneByteAtATimeAsync(Response(lateId, """{"len":true}"""));
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
        Assert.Equal("""{"len":true}""", (await late).Body);
    }

    [Fact]
    public async Task ResponseLargerThanTheReceiveBufferArrivesWhole()
    {
        // GIVEN a delivered event
        var invocation = _emulator.InvokeAsync("{}", Timeout);
        var requestId = await NextRequestIdAsync();

        // WHEN the runtime posts a 200 KB response
        var large = "\"" + new string('x', 200 * 1024) + "\"";
        await _runtime.SendAsync(Response(requestId, large));

        // THEN it is read to its last byte
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
        Assert.Equal(large, (await invocation).Body);
    }

    [Fact]
    public async Task ExpectContinueGetsAnInterimResponseBeforeTheBody()
    {
        // GIVEN a delivered event
        var invocation = _emulator.InvokeAsync("{}", Timeout);
        var requestId = await NextRequestIdAsync();

        // WHEN the runtime sends a head asking to continue, then the body once told to
        await _runtime.SendAsync(
            $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: runtime\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        var interim = await _runtime.ReadResponseAsync();
        await _runtime.SendAsync("{}");

        // THEN it gets 100 Continue, then 202
        Assert.Equal(100, interim.StatusCode);
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
        Assert.Equal("{}", (await invocation).Body);
    }

    [Fact]
    public async Task UnknownPathGets404AndTheConnectionStaysOpen()
    {
        // WHEN the runtime asks for a path the Runtime API does not have
        await _runtime.SendAsync("GET /2018-06-01/runtime/invocation/later HTTP/1.1\r\nHost: runtime\r\n\r\n");
        var missing = await _runtime.ReadResponseAsync();

        // THEN it gets 404, and the same connection still serves the next request
        Assert.Equal(404, missing.StatusCode);
        await _runtime.SendAsync(Next);
        await InvokeDeliverAndAnswerAsync("""{"after":404}""");
    }

    [Fact]
    public async Task WrongMethodOnARuntimeApiPathGets405()
    {
        // WHEN the runtime posts to /next
        await _runtime.SendAsync("POST /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\nContent-Length: 0\r\n\r\n");

        // THEN the method is refused, not the path
        Assert.Equal(405, (await _runtime.ReadResponseAsync()).StatusCode);
    }

    [Theory]
    [InlineData("NOT A REQUEST\r\n\r\n")]
    [InlineData("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nNo colon here\r\n\r\n")]
    [InlineData("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nContent-Length: ten\r\n\r\n")]
    [InlineData("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")]
    public async Task MalformedRequestGets400AndTheConnectionIsClosed(string request)
    {
        // WHEN the runtime sends a request that cannot be framed or parsed
        await _runtime.SendAsync(request);

        // THEN it gets 400 and the server closes the connection, without recording anything
        var rejected = await _runtime.ReadResponseAsync();
        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("close", rejected.Header("Connection"));
        Assert.True(await _runtime.IsClosedByServerAsync());
        Assert.Empty(_emulator.InitErrors);
    }

    [Fact]
    public async Task DisposeReleasesAWaitingNext()
    {
        // GIVEN a runtime long-polling with nothing queued
        await _runtime.SendAsync(Next);
        await WaitForPollsAsync(1);

        // WHEN the emulator is disposed
        await _emulator.DisposeAsync().AsTask().WaitAsync(Timeout);

        // THEN the poll's connection is closed instead of hanging
        Assert.True(await _runtime.IsClosedByServerAsync());
    }

    [Fact]
    public async Task EventInvokedAfterAPollingRuntimeDisconnectedWaitsForTheNextRuntime()
    {
        // GIVEN a runtime that long-polls and then goes away (a crash)
        await _runtime.SendAsync(Next);
        await WaitUntilAsync(() => _emulator.WaitingPollCount == 1);
        _runtime.Dispose();
        Assert.True(await _emulator.WaitForWaitingPollsClosedAsync(Timeout));

        // WHEN an event is invoked and a new runtime polls
        var invocation = _emulator.InvokeAsync("""{"n":"kept"}""", Timeout);
        using var restarted = await RawHttpConnection.ConnectAsync(_emulator.Address);
        await restarted.SendAsync(Next);

        // THEN the new runtime gets the event rather than it being lost on the dead connection
        var delivered = await restarted.ReadResponseAsync();
        Assert.Equal("""{"n":"kept"}""", delivered.Body);
        await restarted.SendAsync(Response(delivered.Header("Lambda-Runtime-Aws-Request-Id"), "{}"));
        Assert.Equal(202, (await restarted.ReadResponseAsync()).StatusCode);
        Assert.Equal(InvocationOutcome.Response, (await invocation).Outcome);
    }

    [Theory]
    [InlineData(0)]          // blocks in the read at once
    [InlineData(50)]         // the default: the pause below outlasts the spin
    [InlineData(2_000_000)]  // the pause below ends while the connection still spins
    public async Task RequestPartsArrivingAfterAPauseAreReadWhateverTheSpinBeforeWait(int spinMicroseconds)
    {
        // GIVEN an emulator whose connections poll for the given time before they block, and a delivered event
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync(
            new RuntimeApiEmulatorOptions { SpinBeforeWait = TimeSpan.FromMicroseconds(spinMicroseconds) });
        using var runtime = await RawHttpConnection.ConnectAsync(emulator.Address);
        var invocation = emulator.InvokeAsync("""{"n":1}""", Timeout);
        await runtime.SendAsync(Next);
        var requestId = (await runtime.ReadResponseAsync()).Header("Lambda-Runtime-Aws-Request-Id");

        // WHEN the response comes after a pause, its head and body a pause apart
        var response = Response(requestId, """{"late":true}""");
        var headLength = response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        await Task.Delay(30);
        await runtime.SendAsync(response[..headLength]);
        await Task.Delay(30);
        await runtime.SendAsync(response[headLength..]);

        // THEN it is read whole and the invocation completes
        Assert.Equal(202, (await runtime.ReadResponseAsync()).StatusCode);
        Assert.Equal("""{"late":true}""", (await invocation).Body);
    }

    [Fact]
    public async Task NegativeSpinBeforeWaitIsRefusedByName()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LambdaRuntimeApiEmulator.StartAsync(
            new RuntimeApiEmulatorOptions { SpinBeforeWait = TimeSpan.FromMicroseconds(-1) }));
        Assert.Contains("RuntimeApiEmulatorOptions.SpinBeforeWait", error.Message);
    }

    /// <summary>Invokes <paramref name="eventJson"/> for the /next already sent, answers it and requires the invocation to complete.</summary>
    private async Task InvokeDeliverAndAnswerAsync(string eventJson)
    {
        var invocation = _emulator.InvokeAsync(eventJson, Timeout);
        var delivered = await _runtime.ReadResponseAsync();
        Assert.Equal(eventJson, delivered.Body);
        await AnswerAcceptedAsync(delivered.Header("Lambda-Runtime-Aws-Request-Id"));
        await invocation;
    }

    /// <summary>Posts an empty JSON response for the request and requires the emulator's 202.</summary>
    private async Task AnswerAcceptedAsync(string requestId)
    {
        await _runtime.SendAsync(Response(requestId, "{}"));
        Assert.Equal(202, (await _runtime.ReadResponseAsync()).StatusCode);
    }

    private static string Response(string requestId, string body) =>
        $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: runtime\r\n" +
        $"Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private async Task<string> NextRequestIdAsync()
    {
        await _runtime.SendAsync(Next);
        var delivered = await _runtime.ReadResponseAsync();
        Assert.Equal(200, delivered.StatusCode);
        return delivered.Header("Lambda-Runtime-Aws-Request-Id");
    }

    private async Task WaitForPollsAsync(int count)
    {
        await WaitUntilAsync(() => _emulator.NextPollCount >= count);
        Assert.Equal(count, _emulator.NextPollCount);
    }

    /// <summary>Re-checks <paramref name="condition"/> (state the emulator's connection threads change) until it holds or <see cref="Timeout"/> passes.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.True(condition(), "the emulator did not reach the expected state in time");
    }
}
