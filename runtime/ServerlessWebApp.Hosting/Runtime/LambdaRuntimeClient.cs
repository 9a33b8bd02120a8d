using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ServerlessWebApp.Hosting.Buffers;

namespace ServerlessWebApp.Hosting.Runtime;

/// <summary>
/// Speaks the Lambda Runtime API (2018-06-01) over one reused HTTP/1.1 connection: no proxy, no time-out on
/// <c>/next</c> (it blocks until an event arrives), transient failures of <c>/next</c> retried with back-off.
/// </summary>
internal sealed partial class LambdaRuntimeClient : ILambdaRuntimeClient, IDisposable
{
    internal const int MaxNextAttempts = 6;

    private static readonly JsonWriterOptions ErrorJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly Uri _nextUri;
    private readonly string _invocationPrefix;
    private readonly Uri _initErrorUri;
    private readonly TimeSpan _retryDelay;
    private readonly ILogger _logger;
    private readonly PooledBufferWriter _event = new(16 * 1024);

    public LambdaRuntimeClient(ILambdaEnvironment environment, ILogger<LambdaRuntimeClient> logger)
        : this(CreateHandler(), RuntimeApiAddress(environment), logger, TimeSpan.FromMilliseconds(50))
    {
    }

    internal LambdaRuntimeClient(HttpMessageHandler handler, string runtimeApi, ILogger logger, TimeSpan retryDelay)
    {
        var baseUri = new Uri($"http://{runtimeApi}/2018-06-01/runtime/");
        _http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _nextUri = new Uri(baseUri, "invocation/next");
        _initErrorUri = new Uri(baseUri, "init/error");
        _invocationPrefix = baseUri + "invocation/";
        _retryDelay = retryDelay;
        _logger = logger;
    }

    internal TimeSpan RequestTimeout => _http.Timeout;

    public async Task<LambdaNextInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FetchNextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < MaxNextAttempts && !cancellationToken.IsCancellationRequested)
            {
                var delay = _retryDelay * (1 << (attempt - 1));
                LogNextRetry(_logger, ex, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(InvocationUri(requestId, "/response"), content, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, "response", requestId, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken)
    {
        using var request = ErrorRequest(InvocationUri(requestId, "/error"), error);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, "error", requestId, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken)
    {
        using var request = ErrorRequest(_initErrorUri, error);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, "init error", null, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _http.Dispose();
        _event.Dispose();
    }

    private async Task<LambdaNextInvocation> FetchNextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(_nextUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET /runtime/invocation/next answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var requestId = Header(response, LambdaRuntimeHeaders.RequestId)
            ?? throw new InvalidOperationException($"GET /runtime/invocation/next answered without a {LambdaRuntimeHeaders.RequestId} header.");
        _ = long.TryParse(Header(response, LambdaRuntimeHeaders.DeadlineMs), out var deadlineMs);
        var arn = Header(response, LambdaRuntimeHeaders.InvokedFunctionArn) ?? string.Empty;
        var traceId = Header(response, LambdaRuntimeHeaders.TraceId);

        _event.Reset();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var sizeHint = (int)Math.Min(response.Content.Headers.ContentLength ?? 0, int.MaxValue - 1) + 1;
            int read;
            while ((read = await stream.ReadAsync(_event.GetMemory(Math.Max(sizeHint, 4096)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                _event.Advance(read);
                sizeHint = 4096;
            }
        }

        return new LambdaNextInvocation(requestId, deadlineMs, arn, traceId, _event.WrittenMemory);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: var status } => (int)status! >= 500 || status == HttpStatusCode.TooManyRequests,
        IOException => true,
        _ => false,
    };

    private Uri InvocationUri(string requestId, string action) =>
        new(_invocationPrefix + Uri.EscapeDataString(requestId) + action);

    private static HttpRequestMessage ErrorRequest(Uri uri, LambdaErrorReport error)
    {
        var body = new PooledBufferWriter(1024);
        using (var json = new Utf8JsonWriter(body, ErrorJsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage"u8, error.ErrorMessage);
            json.WriteString("errorType"u8, error.ErrorType);
            json.WriteStartArray("stackTrace"u8);
            foreach (var line in error.StackTrace) json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(body.WrittenSpan.ToArray());
        body.Dispose();
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(LambdaRuntimeHeaders.FunctionErrorType, error.ErrorType);
        return request;
    }

    private async Task EnsureAcceptedAsync(HttpResponseMessage response, string what, string? requestId, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        LogPostRejected(_logger, what, requestId, (int)response.StatusCode, detail);
    }

    private static string RuntimeApiAddress(ILambdaEnvironment environment) =>
        environment.GetVariable(LambdaEnvironmentVariables.RuntimeApi) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException($"{LambdaEnvironmentVariables.RuntimeApi} is not set: the Lambda runtime client only runs inside Lambda.");

    private static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = 1,
        PooledConnectionIdleTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        PooledConnectionLifetime = System.Threading.Timeout.InfiniteTimeSpan,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "GET /runtime/invocation/next failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    private static partial void LogNextRetry(ILogger logger, Exception exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The Runtime API rejected the {What} for request {AwsRequestId} with status {StatusCode}: {Detail}")]
    private static partial void LogPostRejected(ILogger logger, string what, string? awsRequestId, int statusCode, string detail);
}
