using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Buffers;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// Speaks the Lambda Runtime API (2018-06-01) over one persistent HTTP/1.1 connection of its own (no HttpClient): no
/// time-out on <c>/next</c> (it blocks until an event arrives), transient failures of <c>/next</c> retried with
/// back-off. After posting a result it pipelines the next <c>GET /next</c> in the same send, so the Runtime API can
/// hand over the next event without waiting for one more round trip; if the connection closes before that
/// <c>/next</c> is answered, it is sent again on a fresh connection. One invocation at a time, as the loop calls it.
/// </summary>
internal sealed partial class LambdaRuntimeClient : ILambdaRuntimeClient, IDisposable
{
    internal const int MaxNextAttempts = 6;

    // Bodies up to this size are copied behind the request head so head, body and the pipelined /next go out in one send.
    private const int InlineBodyLimit = 32 * 1024;
    private const string NextRequest = "GET /runtime/invocation/next";
    private const string ResponseRequest = "POST /runtime/invocation/{id}/response";
    private const string ErrorRequest = "POST /runtime/invocation/{id}/error";
    private const string InitErrorRequest = "POST /runtime/init/error";

    private static readonly JsonWriterOptions ErrorJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RuntimeApiConnection _connection;
    private readonly RuntimeApiRequestWriter _requests;
    private readonly TimeSpan _retryDelay;
    private readonly ILogger _logger;
    private readonly PooledBufferWriter _event = new(16 * 1024);
    private readonly PooledBufferWriter _send = new(8 * 1024);
    private readonly PooledBufferWriter _answer = new(1024);
    private readonly PooledBufferWriter _errorBody = new(1024);

    // The connection generation on which a GET /next was sent and not yet answered, or 0.
    private int _nextSentOn;

    public LambdaRuntimeClient(ILambdaEnvironment environment, ILogger<LambdaRuntimeClient> logger)
        : this(RuntimeApiAddress(environment), logger, TimeSpan.FromMilliseconds(50))
    {
    }

    internal LambdaRuntimeClient(string runtimeApi, ILogger logger, TimeSpan retryDelay)
    {
        _connection = new RuntimeApiConnection(runtimeApi);
        _requests = new RuntimeApiRequestWriter(runtimeApi);
        _retryDelay = retryDelay;
        _logger = logger;
    }

    private bool NextInFlight => _nextSentOn != 0 && _connection.IsOpen && _nextSentOn == _connection.Generation;

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
        PostAsync(PostKind.Response, requestId, payload, null, cancellationToken).AsTask();

    public Task PostErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken)
    {
        WriteErrorBody(error);
        return PostAsync(PostKind.Error, requestId, _errorBody.WrittenMemory, error.ErrorType, cancellationToken).AsTask();
    }

    public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken)
    {
        WriteErrorBody(error);
        return PostAsync(PostKind.InitError, null, _errorBody.WrittenMemory, error.ErrorType, cancellationToken).AsTask();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _event.Dispose();
        _send.Dispose();
        _answer.Dispose();
        _errorBody.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<LambdaNextInvocation> FetchNextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pipelined = NextInFlight;
        if (!pipelined)
        {
            await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await _connection.SendAsync(_requests.NextMemory, cancellationToken).ConfigureAwait(false);
            _nextSentOn = _connection.Generation;
        }

        _event.Reset();
        RuntimeApiResponseHead head;
        try
        {
            head = await _connection.ReadResponseAsync(_event, NextRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (pipelined && !_connection.AnswerStarted && IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The connection the pipelined /next went out on closed before any of its answer arrived, so no event was
            // handed to us on it: ask again on a fresh connection.
            _nextSentOn = 0;
            LogStaleConnection(_logger, ex, NextRequest);
            return await FetchNextAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _nextSentOn = 0;
        }

        if (!head.IsSuccess)
        {
            throw new HttpRequestException($"{NextRequest} answered {head.StatusCode}.", null, (HttpStatusCode)head.StatusCode);
        }

        var requestId = head.RequestId is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException($"{NextRequest} answered without a {LambdaRuntimeHeaders.RequestId} header.");
        return new LambdaNextInvocation(requestId, head.DeadlineUnixMs, head.InvokedFunctionArn ?? string.Empty, head.TraceId, _event.WrittenMemory);
    }

    /// <summary>
    /// Posts a result (<paramref name="requestId"/> set) or the init error, and reads its answer; a rejection is logged,
    /// not thrown. Invocation results pipeline the next <c>/next</c>. A connection kept from an earlier request that turns
    /// out to be closed before any answer arrives is replaced once and the post repeated.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask PostAsync(PostKind kind, string? requestId, ReadOnlyMemory<byte> body, string? errorType, CancellationToken cancellationToken)
    {
        if (NextInFlight)
        {
            // Its answer (an event) comes first on this connection and must not be dropped: the loop reads it before posting again.
            throw new InvalidOperationException($"A pipelined {NextRequest} is still unanswered; call {nameof(GetNextInvocationAsync)} before posting again.");
        }

        var pipelineNext = kind != PostKind.InitError;
        var (what, request) = kind switch
        {
            PostKind.Response => ("response", ResponseRequest),
            PostKind.Error => ("error", ErrorRequest),
            _ => ("init error", InitErrorRequest),
        };
        for (var attempt = 1; ; attempt++)
        {
            await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
            var reused = _connection.ResponsesRead > 0;
            var inline = body.Length <= InlineBodyLimit;
            _send.Reset();
            if (kind == PostKind.InitError) _requests.WriteInitErrorPost(_send, body.Length, errorType!);
            else _requests.WriteInvocationPost(_send, requestId!, kind == PostKind.Response ? "/response"u8 : "/error"u8, body.Length, errorType);
            if (inline)
            {
                _send.Write(body.Span);
                if (pipelineNext) _requests.WriteNext(_send);
            }

            try
            {
                await _connection.SendAsync(_send.WrittenMemory, cancellationToken).ConfigureAwait(false);
                if (!inline)
                {
                    await _connection.SendAsync(body, cancellationToken).ConfigureAwait(false);
                    if (pipelineNext) await _connection.SendAsync(_requests.NextMemory, cancellationToken).ConfigureAwait(false);
                }
                if (pipelineNext) _nextSentOn = _connection.Generation;

                _answer.Reset();
                var head = await _connection.ReadResponseAsync(_answer, request, cancellationToken).ConfigureAwait(false);
                if (!head.IsSuccess)
                {
                    LogPostRejected(_logger, what, requestId, head.StatusCode, Encoding.UTF8.GetString(_answer.WrittenSpan));
                }
                return;
            }
            catch (Exception ex) when (attempt == 1 && reused && !_connection.AnswerStarted && IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogStaleConnection(_logger, ex, request);
            }
        }
    }

    private void WriteErrorBody(LambdaErrorReport error)
    {
        _errorBody.Reset();
        using var json = new Utf8JsonWriter(_errorBody, ErrorJsonOptions);
        error.WriteTo(json);
    }

    private static bool IsConnectionFailure(Exception ex) => ex is IOException or SocketException;

    private static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: var status } => (int)status! >= 500 || status == HttpStatusCode.TooManyRequests,
        IOException or SocketException => true,
        _ => false,
    };

    private static string RuntimeApiAddress(ILambdaEnvironment environment) =>
        environment.GetVariable(LambdaEnvironmentVariables.RuntimeApi) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException($"{LambdaEnvironmentVariables.RuntimeApi} is not set: the Lambda runtime client only runs inside Lambda.");

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "GET /runtime/invocation/next failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    private static partial void LogNextRetry(ILogger logger, Exception exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The Runtime API rejected the {What} for request {AwsRequestId} with status {StatusCode}: {Detail}")]
    private static partial void LogPostRejected(ILogger logger, string what, string? awsRequestId, int statusCode, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "The kept Runtime API connection closed before {Request} was answered; sending it again on a new connection")]
    private static partial void LogStaleConnection(ILogger logger, Exception exception, string request);

    private enum PostKind
    {
        Response,
        Error,
        InitError,
    }
}
