using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessWebApp.Hosting.Runtime;

namespace ServerlessWebApp.Hosting.Tests.Runtime;

public class LambdaRuntimeClientTests
{
    [Fact]
    public async Task NextInvocationCarriesTheRuntimeHeadersAndTheEvent()
    {
        // GIVEN a Runtime API with one event
        var api = new ScriptedRuntimeApi(_ => NextEvent("""{"rawPath":"/"}"""));
        using var client = Client(api);

        // WHEN the client asks for the next invocation
        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        // THEN it asked the documented endpoint and returns the headers and payload
        Assert.Equal("http://127.0.0.1:9001/2018-06-01/runtime/invocation/next", api.Requests.Single().Uri);
        Assert.Equal("GET", api.Requests.Single().Method);
        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", next.RequestId);
        Assert.Equal(1542409706888, next.DeadlineUnixMs);
        Assert.Equal("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime", next.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", next.TraceId);
        Assert.Equal("""{"rawPath":"/"}""", Encoding.UTF8.GetString(next.Event.Span));
    }

    [Fact]
    public void ClientWaitsForEventsWithoutATimeout()
    {
        using var client = Client(new ScriptedRuntimeApi(_ => NextEvent("{}")));

        Assert.Equal(Timeout.InfiniteTimeSpan, client.RequestTimeout);
    }

    [Fact]
    public async Task TransientFailuresOfNextAreRetried()
    {
        var attempt = 0;
        var api = new ScriptedRuntimeApi(_ => ++attempt switch
        {
            1 => throw new HttpRequestException("Connection refused"),
            2 => new HttpResponseMessage(HttpStatusCode.InternalServerError),
            _ => NextEvent("{\"ok\":1}"),
        });
        using var client = Client(api);

        var next = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(3, api.Requests.Count);
        Assert.Equal("{\"ok\":1}", Encoding.UTF8.GetString(next.Event.Span));
    }

    [Fact]
    public async Task NextGivesUpAfterRepeatedFailures()
    {
        var api = new ScriptedRuntimeApi(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        using var client = Client(api);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Equal(LambdaRuntimeClient.MaxNextAttempts, api.Requests.Count);
        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
    }

    [Fact]
    public async Task CancelledWaitForNextIsNotRetried()
    {
        var api = new ScriptedRuntimeApi(_ => NextEvent("{}"));
        using var client = Client(api);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetNextInvocationAsync(cancelled.Token));

        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task ResponseIsPostedToTheInvocationResponseEndpoint()
    {
        var api = new ScriptedRuntimeApi(_ => new HttpResponseMessage(HttpStatusCode.Accepted));
        using var client = Client(api);

        await client.PostResponseAsync("abc-123", "{\"statusCode\":200}"u8.ToArray(), CancellationToken.None);

        var request = api.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("http://127.0.0.1:9001/2018-06-01/runtime/invocation/abc-123/response", request.Uri);
        Assert.Equal("{\"statusCode\":200}", request.Body);
    }

    [Fact]
    public async Task ErrorIsPostedWithTheErrorTypeHeaderAndDocumentedBody()
    {
        var api = new ScriptedRuntimeApi(_ => new HttpResponseMessage(HttpStatusCode.Accepted));
        using var client = Client(api);

        await client.PostErrorAsync("abc-123", new LambdaErrorReport("MalformedEvent", "bad \"json\"", ["at A", "at B"]), CancellationToken.None);

        var request = api.Requests.Single();
        Assert.Equal("http://127.0.0.1:9001/2018-06-01/runtime/invocation/abc-123/error", request.Uri);
        Assert.Equal("MalformedEvent", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("bad \"json\"", body.GetProperty("errorMessage").GetString());
        Assert.Equal("MalformedEvent", body.GetProperty("errorType").GetString());
        Assert.Equal(["at A", "at B"], body.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task InitErrorIsPostedToTheInitErrorEndpoint()
    {
        var api = new ScriptedRuntimeApi(_ => new HttpResponseMessage(HttpStatusCode.Accepted));
        using var client = Client(api);

        await client.PostInitErrorAsync(LambdaErrorReport.FromException(new InvalidOperationException("no config"), "Runtime.StartupFailure"), CancellationToken.None);

        var request = api.Requests.Single();
        Assert.Equal("http://127.0.0.1:9001/2018-06-01/runtime/init/error", request.Uri);
        Assert.Equal("Runtime.StartupFailure", request.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("no config", JsonDocument.Parse(request.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RejectedPostIsLoggedNotThrown()
    {
        var api = new ScriptedRuntimeApi(_ => new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge)
        {
            Content = new StringContent("{\"errorMessage\":\"too large\"}"),
        });
        using var client = Client(api);

        await client.PostResponseAsync("abc", new byte[10], CancellationToken.None);

        Assert.Single(api.Requests);
    }

    private static LambdaRuntimeClient Client(ScriptedRuntimeApi api) =>
        new(api, "127.0.0.1:9001", NullLogger.Instance, TimeSpan.FromMilliseconds(1));

    private static HttpResponseMessage NextEvent(string json)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.Add("Lambda-Runtime-Aws-Request-Id", "8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        response.Headers.Add("Lambda-Runtime-Deadline-Ms", "1542409706888");
        response.Headers.Add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime");
        response.Headers.Add("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
        return response;
    }

    private sealed record RecordedRequest(string Method, string Uri, Dictionary<string, string> Headers, string Body);

    /// <summary>Stands in for the Runtime API at the HTTP level: records each request, answers from a script.</summary>
    private sealed class ScriptedRuntimeApi(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.ToString(),
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)), body));
            return answer(request);
        }
    }
}
