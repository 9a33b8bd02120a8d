using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Serverless.WebApp.Hosting.Buffers;
using Serverless.WebApp.Hosting.Features;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Runtime;
using Serverless.WebApp.Hosting.Server;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Runs an HTTP-shaped event through the app: the adapter reads the event into request features, the app's pipeline
/// runs on a real HttpContext, and the adapter writes the response in the source's format. What the client gets is
/// what Kestrel would send for the same request: a request Kestrel would refuse is a 400 the app never sees, an
/// exception before the response starts is a bare 500, and a response Kestrel could not have completed (the app
/// aborted it, failed half way, or wrote less than its Content-Length) is never posted as a success but fails the
/// invocation as <c>IncompleteResponse</c>, which the front door answers with its own 5xx. A response over the
/// payload limit becomes a 502 saying so. The buffers are reused: Lambda runs one invocation at a time.
/// </summary>
internal sealed partial class HttpEventHandler<TAdapter> : ILambdaEventHandler, IDisposable
    where TAdapter : IHttpEventAdapter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // API Gateway and ALB parse this JSON; they do not render it, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly TAdapter _adapter;
    private readonly LambdaHttpApplication _application;
    private readonly ServerLimits _limits;
    private readonly BinaryContentPolicy _binary;
    private readonly int _maxPayloadBytes;
    private readonly ILogger _logger;
    private readonly PooledBufferWriter _bodyBuffer = new(4096);
    private readonly PooledBufferWriter _json = new(4096);
    private readonly Utf8JsonWriter _writer;
    private HttpExchange? _exchange;

    public HttpEventHandler(TAdapter adapter, LambdaHttpApplication application, ServerLimits limits,
        IOptions<ServerlessWebAppOptions> options, ILogger<HttpEventHandler<TAdapter>> logger)
    {
        _adapter = adapter;
        _application = application;
        _limits = limits;
        _binary = new BinaryContentPolicy(options.Value.BinaryMediaTypes);
        _maxPayloadBytes = options.Value.MaxResponsePayloadBytes;
        _logger = logger;
        _writer = new Utf8JsonWriter(_json, JsonOptions);
    }

    public int Order => _adapter.Order;

    public bool CanHandle(JsonElement lambdaEvent) => _adapter.CanHandle(lambdaEvent);

    public async Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var application = _application.Application;
        if (_exchange is null || _exchange.Application != application)
        {
            _exchange = new HttpExchange(application, new ResponseBodyBuffer(_bodyBuffer, _maxPayloadBytes), _limits);
        }

        var exchange = _exchange;
        EventJson.TryGetObject(invocation.Event, "requestContext"u8, out var requestContext);
        exchange.Begin(invocation, _adapter.Source, requestContext, cancellationToken);
        object? context = null;
        Exception? failure = null;
        try
        {
            ReadRequest(invocation.Event, exchange);
            string? incomplete = null;
            if (RequestValidator.Reject(exchange) is { } reason)
            {
                LogBadRequest(_logger, invocation.RequestId, reason);
                AnswerEmpty(exchange, StatusCodes.Status400BadRequest);
            }
            else
            {
                context = application.CreateContext(exchange.Features);
                (failure, incomplete) = await RunAsync(application, context, exchange).ConfigureAwait(false);
            }

            if (incomplete is null) WriteEnvelope(exchange);
            if (context is not null && await exchange.Response.CompleteAsync().ConfigureAwait(false) is { } completedFailure)
            {
                LogOnCompletedFailed(_logger, completedFailure, invocation.RequestId);
            }
            if (incomplete is not null)
            {
                throw new LambdaEventException(LambdaErrorTypes.IncompleteResponse,
                    $"The response to request {invocation.RequestId} is incomplete, so it is not sent as one: {incomplete}.");
            }
            response.Write(_json.WrittenSpan);
        }
        finally
        {
            if (context is not null) application.DisposeContext(context, failure);
            exchange.End();
            _json.Reset();
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _bodyBuffer.Dispose();
        _json.Dispose();
    }

    /// <summary>The adapter's read; a value of the wrong type or text that cannot be decoded is a malformed event.</summary>
    private void ReadRequest(JsonElement lambdaEvent, HttpExchange exchange)
    {
        try
        {
            _adapter.ReadRequest(lambdaEvent, exchange);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new LambdaEventException(LambdaErrorTypes.MalformedEvent,
                $"The {_adapter.Source} event has a field of the wrong type or text that is not valid UTF-8: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs the app and settles the response as Kestrel does when the app returns: the OnStarting callbacks if nothing
    /// was written, then the checks. Returns the app's failure (for the host's diagnostics) and, when the client could
    /// not have received a complete response, why.
    /// </summary>
    private async Task<(Exception? Failure, string? Incomplete)> RunAsync(IHttpApplicationAdapter application, object context, HttpExchange exchange)
    {
        var response = exchange.Response;
        Exception? failure = null;
        try
        {
            await application.ProcessRequestAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var startedByApp = response.HasStarted;
        if (failure is null && !startedByApp)
        {
            try
            {
                await response.StartAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }

        if (exchange.Lifetime.IsAborted) return (failure, "the app aborted the request (HttpContext.Abort())");

        if (failure is null && TooFewBytes(exchange) is { } shortfall)
        {
            if (startedByApp) return (null, shortfall);
            failure = new InvalidOperationException(shortfall);
        }

        if (failure is null) return (null, null);
        LogUnhandledException(_logger, failure, exchange.Invocation.RequestId);
        if (!startedByApp)
        {
            // Kestrel answers a BadHttpRequestException (a body over the size limit, for one) with its status code.
            AnswerEmpty(exchange, failure is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError);
            return (failure, null);
        }
        // Kestrel cannot take back a response it has started; the client has it whole only if its end was already sent.
        return (failure, IsFramingComplete(exchange) ? null : $"the app threw {failure.GetType().Name} after the response had started");
    }

    /// <summary>Kestrel's end-of-response check: a body shorter than the Content-Length the app set.</summary>
    private static string? TooFewBytes(HttpExchange exchange)
    {
        if (!CarriesBody(exchange) || exchange.Response.ResponseHeaders.ContentLength is not { } length) return null;
        var written = exchange.ResponseBody.Length;
        return written < length ? $"Response Content-Length mismatch: too few bytes written ({written} of {length})." : null;
    }

    /// <summary>Whether a client already holds the whole response: it has no body, or all of its Content-Length.</summary>
    private static bool IsFramingComplete(HttpExchange exchange) =>
        !CarriesBody(exchange) || exchange.Response.ResponseHeaders.ContentLength == exchange.ResponseBody.Length;

    private static bool CarriesBody(HttpExchange exchange) =>
        !HttpMethods.IsHead(exchange.Request.Method) && LambdaResponseFeature.CanHaveBody(exchange.Response.StatusCode);

    /// <summary>Writes the source's response JSON; a response over the payload limit becomes a 502 that says so.</summary>
    private void WriteEnvelope(HttpExchange exchange)
    {
        var body = exchange.ResponseBody;
        if (!body.Overflowed && TryWriteEnvelope(exchange)) return;

        var size = body.Overflowed ? body.Length : _json.WrittenCount;
        LogResponseTooLarge(_logger, exchange.Invocation.RequestId, size, _maxPayloadBytes);
        WriteProblem(exchange, StatusCodes.Status502BadGateway, "Response too large.",
            $"The response is {size} bytes; a Lambda function can return at most {_maxPayloadBytes} bytes. " +
            "Serve large content from S3 (for example with a pre-signed URL) or page the result.");
        TryWriteEnvelope(exchange);
    }

    /// <summary>Writes the source's response JSON; false when it exceeds the payload limit.</summary>
    private bool TryWriteEnvelope(HttpExchange exchange)
    {
        _json.Reset();
        _writer.Reset(_json);
        exchange.ResponseIsBinary = _binary.IsBinary(exchange.Response.ResponseHeaders, exchange.ResponseBody.Written);
        _writer.WriteStartObject();
        _adapter.WriteResponse(_writer, exchange, exchange.Invocation.Event);
        _writer.WriteEndObject();
        _writer.Flush();
        return _json.WrittenCount <= _maxPayloadBytes;
    }

    /// <summary>The bare response Kestrel sends when it answers for the app: the status, no headers, no body.</summary>
    private static void AnswerEmpty(HttpExchange exchange, int status)
    {
        exchange.Response.ResetForError(status);
        exchange.ResponseBody.Clear();
    }

    private static void WriteProblem(HttpExchange exchange, int status, string title, string detail)
    {
        AnswerEmpty(exchange, status);
        exchange.Response.ResponseHeaders[HeaderNames.ContentType] = "application/problem+json";
        exchange.Response.ResponseHeaders[HeaderNames.CacheControl] = "no-store";
        var problem = new PooledBufferWriter(512);
        using (var json = new Utf8JsonWriter(problem))
        {
            json.WriteStartObject();
            json.WriteString("title"u8, title);
            json.WriteNumber("status"u8, status);
            json.WriteString("detail"u8, detail);
            json.WriteString("requestId"u8, exchange.Invocation.RequestId);
            json.WriteEndObject();
        }
        exchange.ResponseBody.Write(problem.WrittenSpan);
        problem.Dispose();
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "Unhandled exception while processing request {AwsRequestId}")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string awsRequestId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The response to request {AwsRequestId} is {Size} bytes, over the {Limit}-byte Lambda payload limit; answering 502")]
    private static partial void LogResponseTooLarge(ILogger logger, string awsRequestId, long size, int limit);

    [LoggerMessage(EventId = 32, Level = LogLevel.Debug, Message = "Request {AwsRequestId} answered 400 before the app saw it: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string awsRequestId, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "An OnCompleted callback failed for request {AwsRequestId}")]
    private static partial void LogOnCompletedFailed(ILogger logger, Exception exception, string awsRequestId);
}
