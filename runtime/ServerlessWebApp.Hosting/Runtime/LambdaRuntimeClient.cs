using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Buffers;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// Speaks the Lambda Runtime API (2018-06-01) through a <see cref="SocketsHttpHandler"/> on one kept-alive HTTP/1.1
/// connection: no time-out on <c>/next</c> (it blocks until an event arrives); connection failures, 5xx and 429 answers
/// of <c>/next</c> retried with back-off; the caller's cancellation ends a wait at once. A rejected post is logged, not
/// thrown. One invocation at a time, as the loop calls it. An <see cref="HttpMessageInvoker"/> rather than an
/// <see cref="HttpClient"/>: no time-out to switch off, and no per-request linked cancellation source or buffering of
/// the answer, which the loop would pay twice per invocation.
/// </summary>
internal sealed partial class LambdaRuntimeClient : ILambdaRuntimeClient, IDisposable
{
    internal const int MaxNextAttempts = 6;

    private const string NextRequest = "GET /runtime/invocation/next";
    private const string JsonMediaType = "application/json";

    private static readonly JsonWriterOptions ErrorJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly MediaTypeHeaderValue JsonContentType = new(JsonMediaType);

    private readonly HttpMessageInvoker _http;
    private readonly Uri _next;
    private readonly string _invocationBase;
    private readonly Uri _initError;
    private readonly TimeSpan _retryDelay;
    private readonly ILogger _logger;
    private readonly PooledBufferWriter _event = new(16 * 1024);
    private readonly PooledBufferWriter _errorBody = new(1024);
    private readonly Memory<byte> _acknowledgement = new byte[256];

    public LambdaRuntimeClient(ILambdaEnvironment environment, ILogger<LambdaRuntimeClient> logger)
        : this(RuntimeApiAddress(environment), logger, TimeSpan.FromMilliseconds(50))
    {
    }

    internal LambdaRuntimeClient(string runtimeApi, ILogger logger, TimeSpan retryDelay)
    {
        var root = RuntimeApiRoot(runtimeApi);
        _next = new Uri(root + "invocation/next");
        _invocationBase = root + "invocation/";
        _initError = new Uri(root + "init/error");
        _retryDelay = retryDelay;
        _logger = logger;
        _http = new HttpMessageInvoker(new SocketsHttpHandler
        {
            // One connection, kept for the life of the process: the loop makes one request at a time.
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
    }

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

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        PostAsync("response", InvocationUri(requestId, "/response"), requestId, payload, null, cancellationToken);

    public Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken) =>
        PostAsync("error", InvocationUri(requestId, "/error"), requestId, WriteErrorBody(error), error.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken) =>
        PostAsync("init error", _initError, null, WriteErrorBody(error), error.ErrorType, cancellationToken);

    public void Dispose()
    {
        _http.Dispose();
        _event.Dispose();
        _errorBody.Dispose();
    }

    private async Task<LambdaNextInvocation> FetchNextAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _next);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{NextRequest} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var headers = response.Headers.NonValidated;
        var requestId = Header(headers, LambdaRuntimeHeaders.RequestId) is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException($"{NextRequest} answered without a {LambdaRuntimeHeaders.RequestId} header.");
        var deadline = Header(headers, LambdaRuntimeHeaders.DeadlineMs);
        var deadlineMs = 0L;
        string? malformed = null;
        if (deadline is not null && !LambdaRuntimeHeaders.TryParseDeadline(deadline, out deadlineMs))
        {
            malformed = $"The Runtime API sent {LambdaRuntimeHeaders.DeadlineMs}: '{Shorten(deadline)}'; expected the deadline in " +
                        $"milliseconds since the Unix epoch (digits only, at most {LambdaRuntimeHeaders.MaxDeadlineMs}).";
        }

        _event.Reset();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            int read;
            while ((read = await body.ReadAsync(_event.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false)) > 0)
            {
                _event.Advance(read);
            }
        }

        return new LambdaNextInvocation(requestId, deadlineMs, Header(headers, LambdaRuntimeHeaders.InvokedFunctionArn) ?? string.Empty,
            Header(headers, LambdaRuntimeHeaders.TraceId), _event.WrittenMemory, malformed);
    }

    private async Task PostAsync(string what, Uri uri, string? requestId, ReadOnlyMemory<byte> body, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(LambdaRuntimeHeaders.FunctionErrorType, HeaderValue(errorType));
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LogPostRejected(_logger, what, requestId, (int)response.StatusCode, detail);
            return;
        }

        // Read the short acknowledgement to its end, so that the connection is free again for the next /next.
        var acknowledgement = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (acknowledgement.ConfigureAwait(false))
        {
            while (await acknowledgement.ReadAsync(_acknowledgement, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
    }

    private Uri InvocationUri(string requestId, string action) => new(_invocationBase + Uri.EscapeDataString(requestId) + action);

    private ReadOnlyMemory<byte> WriteErrorBody(LambdaErrorReport error)
    {
        _errorBody.Reset();
        using var json = new Utf8JsonWriter(_errorBody, ErrorJsonOptions);
        error.WriteTo(json);
        json.Flush();
        return _errorBody.WrittenMemory;
    }

    private static string? Header(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.ToString() : null;

    /// <summary>Header values are printable ASCII; anything else (a line break above all) becomes '_'.</summary>
    private static string HeaderValue(string value) =>
        string.Create(value.Length, value, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++) chars[i] = source[i] is >= ' ' and < (char)0x7F ? source[i] : '_';
        });

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: var status } => (int)status! >= 500 || status == HttpStatusCode.TooManyRequests,
        IOException => true,
        _ => false,
    };

    private static string RuntimeApiAddress(ILambdaEnvironment environment) =>
        environment.GetVariable(LambdaEnvironmentVariables.RuntimeApi) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException($"{LambdaEnvironmentVariables.RuntimeApi} is not set: the Lambda runtime client only runs inside Lambda.");

    /// <summary><c>AWS_LAMBDA_RUNTIME_API</c> is <c>host:port</c> (an IP address in Lambda); the API's root under it.</summary>
    internal static string RuntimeApiRoot(string runtimeApi)
    {
        var colon = runtimeApi.LastIndexOf(':');
        if (colon > 0 && ushort.TryParse(runtimeApi.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0
            && Uri.TryCreate($"http://{runtimeApi}/", UriKind.Absolute, out var uri) && uri.Port == port && uri.AbsolutePath == "/")
        {
            return $"http://{runtimeApi}/2018-06-01/runtime/";
        }

        throw new InvalidOperationException(
            $"{LambdaEnvironmentVariables.RuntimeApi} is '{runtimeApi}'; expected host:port (for example 127.0.0.1:9001).");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "GET /runtime/invocation/next failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    private static partial void LogNextRetry(ILogger logger, Exception exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The Runtime API rejected the {What} for request {AwsRequestId} with status {StatusCode}: {Detail}")]
    private static partial void LogPostRejected(ILogger logger, string what, string? awsRequestId, int statusCode, string detail);
}
