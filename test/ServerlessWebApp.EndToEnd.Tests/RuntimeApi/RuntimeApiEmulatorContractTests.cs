using System.Net;
using System.Net.Http.Json;
using System.Text;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.EndToEnd.Tests.RuntimeApi;

/// <summary>
/// The emulator speaks the Runtime API contract a real runtime relies on. These tests play the runtime by hand with
/// a plain HttpClient so a fault in the emulator is never mistaken for a fault in ServerlessWebApp.Hosting.
/// </summary>
public sealed class RuntimeApiEmulatorContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private LambdaRuntimeApiEmulator _emulator = null!;
    private HttpClient _runtime = null!;

    public async Task InitializeAsync()
    {
        _emulator = await LambdaRuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionTimeout = TimeSpan.FromSeconds(42) });
        _runtime = new HttpClient { BaseAddress = new Uri($"http://{_emulator.Address}/2018-06-01/runtime/") };
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task NextDeliversTheEventWithTheInvocationHeaders()
    {
        // GIVEN an event queued before the runtime asks
        var before = DateTimeOffset.UtcNow;
        var invocation = _emulator.InvokeAsync("""{"hello":"world"}""", Timeout);

        // WHEN the runtime long-polls /next
        using var next = await _runtime.GetAsync("invocation/next");

        // THEN it gets the event and every header of the contract
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("""{"hello":"world"}""", await next.Content.ReadAsStringAsync());
        var requestId = Assert.Single(next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id"));
        Assert.True(Guid.TryParse(requestId, out _));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Assert.Single(next.Headers.GetValues("Lambda-Runtime-Deadline-Ms"))));
        Assert.InRange(deadline, before.AddSeconds(41), DateTimeOffset.UtcNow.AddSeconds(43));
        Assert.StartsWith("arn:aws:lambda:", Assert.Single(next.Headers.GetValues("Lambda-Runtime-Invoked-Function-Arn")));
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", Assert.Single(next.Headers.GetValues("Lambda-Runtime-Trace-Id")));
        Assert.False(invocation.IsCompleted);

        await _runtime.PostAsync($"invocation/{requestId}/response", new StringContent("{}"));
        await invocation;
    }

    [Fact]
    public async Task ResponsePostedByTheRuntimeIsTheInvocationResult()
    {
        // GIVEN a delivered event
        var invocation = _emulator.InvokeAsync("{}", Timeout);
        var requestId = await NextRequestIdAsync();

        // WHEN the runtime posts its response
        using var posted = await _runtime.PostAsync($"invocation/{requestId}/response", new StringContent("""{"statusCode":200}""", Encoding.UTF8, "application/json"));

        // THEN the emulator accepts it and the caller receives it with ordered timestamps
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var result = await invocation;
        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Equal(requestId, result.RequestId);
        Assert.Equal(200, result.Json().GetProperty("statusCode").GetInt32());
        Assert.True(result.EnqueuedTimestamp <= result.DeliveredTimestamp && result.DeliveredTimestamp <= result.CompletedTimestamp);
    }

    [Fact]
    public async Task ErrorPostedByTheRuntimeCarriesItsErrorType()
    {
        // GIVEN a delivered event
        var invocation = _emulator.InvokeAsync("{}", Timeout);
        var requestId = await NextRequestIdAsync();

        // WHEN the runtime posts an error with Lambda-Runtime-Function-Error-Type
        using var request = new HttpRequestMessage(HttpMethod.Post, $"invocation/{requestId}/error")
        {
            Content = JsonContent.Create(new { errorMessage = "bad event", errorType = "Runtime.UnknownEvent" }),
        };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.UnknownEvent");
        using var posted = await _runtime.SendAsync(request);

        // THEN the caller sees an error result, not an exception
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var result = await invocation;
        Assert.Equal(InvocationOutcome.Error, result.Outcome);
        Assert.Equal("Runtime.UnknownEvent", result.ErrorType);
        Assert.Equal("bad event", result.Json().GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task AnswerForAnUnknownRequestIdIsRejected()
    {
        // WHEN the runtime answers an invocation that was never delivered
        using var posted = await _runtime.PostAsync("invocation/not-a-request/response", new StringContent("{}"));

        // THEN the emulator answers 400 InvalidRequestID, as Lambda does
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("InvalidRequestID", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SecondAnswerToTheSameInvocationIsRejected()
    {
        // GIVEN an invocation already answered
        var invocation = _emulator.InvokeAsync("{}", Timeout);
        var requestId = await NextRequestIdAsync();
        (await _runtime.PostAsync($"invocation/{requestId}/response", new StringContent("{}"))).Dispose();
        await invocation;

        // WHEN the runtime answers it again
        using var again = await _runtime.PostAsync($"invocation/{requestId}/error", new StringContent("{}"));

        // THEN it is refused and the first answer stands
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(InvocationOutcome.Response, (await invocation).Outcome);
    }

    [Fact]
    public async Task InitErrorFailsTheWaitingInvocation()
    {
        // GIVEN an event waiting for the runtime to start
        var invocation = _emulator.InvokeAsync("{}", Timeout);

        // WHEN start-up fails and the runtime reports it
        using var request = new HttpRequestMessage(HttpMethod.Post, "init/error") { Content = new StringContent("""{"errorMessage":"boom"}""") };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.InitError");
        using var posted = await _runtime.SendAsync(request);

        // THEN the report is recorded and the invocation ends with it
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var report = await _emulator.FirstInitError.WaitAsync(Timeout);
        Assert.Equal("Runtime.InitError", report.ErrorType);
        var result = await invocation;
        Assert.Equal(InvocationOutcome.InitError, result.Outcome);
        Assert.Contains("boom", result.Body);
    }

    [Fact]
    public async Task ResponseOverThePayloadLimitIsRefusedWith413()
    {
        // GIVEN an emulator with a small response limit and a delivered event
        await using var small = await LambdaRuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { MaxResponseBytes = 10 });
        using var runtime = new HttpClient { BaseAddress = new Uri($"http://{small.Address}/2018-06-01/runtime/") };
        var invocation = small.InvokeAsync("{}", Timeout);
        using var next = await runtime.GetAsync("invocation/next");
        var requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();

        // WHEN the runtime posts a larger response
        using var posted = await runtime.PostAsync($"invocation/{requestId}/response", new StringContent(new string('x', 11)));

        // THEN the post gets 413 and the invocation fails as Lambda reports it
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        var result = await invocation;
        Assert.Equal(InvocationOutcome.ResponseTooLarge, result.Outcome);
        Assert.Equal("Function.ResponseSizeTooLarge", result.ErrorType);
    }

    [Fact]
    public async Task EventsAreDeliveredOneAtATimeInInvocationOrder()
    {
        // GIVEN two events queued
        var first = _emulator.InvokeAsync("""{"n":1}""", Timeout);
        var second = _emulator.InvokeAsync("""{"n":2}""", Timeout);

        // WHEN the runtime polls twice
        using var nextOne = await _runtime.GetAsync("invocation/next");
        using var nextTwo = await _runtime.GetAsync("invocation/next");

        // THEN it gets them in order
        Assert.Equal("""{"n":1}""", await nextOne.Content.ReadAsStringAsync());
        Assert.Equal("""{"n":2}""", await nextTwo.Content.ReadAsStringAsync());
        foreach (var next in new[] { nextOne, nextTwo })
        {
            var id = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
            (await _runtime.PostAsync($"invocation/{id}/response", new StringContent("{}"))).Dispose();
        }
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task UnansweredInvocationTimesOutAndIsWithdrawn()
    {
        // WHEN nobody polls within the timeout
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => _emulator.InvokeAsync("""{"n":"stale"}""", TimeSpan.FromMilliseconds(100)));

        // THEN the caller learns why, and a runtime that polls later gets the next live event instead
        Assert.Contains("did not answer", timeout.Message);
        var live = _emulator.InvokeAsync("""{"n":"live"}""", Timeout);
        using var next = await _runtime.GetAsync("invocation/next");
        Assert.Equal("""{"n":"live"}""", await next.Content.ReadAsStringAsync());
        (await _runtime.PostAsync($"invocation/{next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single()}/response", new StringContent("{}"))).Dispose();
        await live;
    }

    private async Task<string> NextRequestIdAsync()
    {
        using var next = await _runtime.GetAsync("invocation/next");
        return next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
    }
}
