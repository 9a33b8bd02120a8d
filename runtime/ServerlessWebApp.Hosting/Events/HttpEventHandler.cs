using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Serverless.WebApp.Hosting.Buffers;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Server;

namespace Serverless.WebApp.Hosting.Events;

/// <summary>
/// Runs an HTTP-shaped event through the app: the adapter reads the event into request features, the app's pipeline
/// runs on a real HttpContext, and the adapter writes the response in the source's format. An exception in the app
/// becomes a 500 carrying the request id; a response over the payload limit becomes a 502 saying so.
/// The buffers are reused: Lambda runs one invocation at a time.
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
    private readonly BinaryContentPolicy _binary;
    private readonly int _maxPayloadBytes;
    private readonly ILogger _logger;
    private readonly PooledBufferWriter _bodyBuffer = new(4096);
    private readonly PooledBufferWriter _json = new(4096);
    private readonly Utf8JsonWriter _writer;
    private HttpExchange? _exchange;

    public HttpEventHandler(TAdapter adapter, LambdaHttpApplication application, IOptions<ServerlessWebAppOptions> options,
        ILogger<HttpEventHandler<TAdapter>> logger)
    {
        _adapter = adapter;
        _application = application;
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
            _exchange = new HttpExchange(application, new ResponseBodyBuffer(_bodyBuffer, _maxPayloadBytes));
        }

        var exchange = _exchange;
        _bodyBuffer.Reset();
        EventJson.TryGetObject(invocation.Event, "requestContext"u8, out var requestContext);
        exchange.Begin(invocation, _adapter.Source, requestContext, cancellationToken);
        try
        {
            _adapter.ReadRequest(invocation.Event, exchange);
            await RunAsync(application, exchange, response).ConfigureAwait(false);
        }
        finally
        {
            exchange.End();
        }
    }

    private async Task RunAsync(IHttpApplicationAdapter application, HttpExchange exchange, IBufferWriter<byte> response)
    {
        var requestId = exchange.Invocation.RequestId;
        var body = exchange.ResponseBody;
        var context = application.CreateContext(exchange.Features);
        Exception? failure = null;
        try
        {
            await application.ProcessRequestAsync(context).ConfigureAwait(false);
            await exchange.Response.StartAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        if (failure is not null)
        {
            LogUnhandledException(_logger, failure, requestId);
            WriteProblem(exchange, StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
                "The application failed to process the request.");
        }
        else if (exchange.Lifetime.IsAborted)
        {
            LogAborted(_logger, requestId);
            WriteProblem(exchange, StatusCodes.Status502BadGateway, "The application aborted the request.",
                "The application called HttpContext.Abort(); there is no response to send.");
        }

        if (body.Overflowed || !TryWriteEnvelope(exchange))
        {
            var size = body.Overflowed ? body.Length : _json.WrittenCount;
            LogResponseTooLarge(_logger, requestId, size, _maxPayloadBytes);
            WriteProblem(exchange, StatusCodes.Status502BadGateway, "Response too large.",
                $"The response is {size} bytes; a Lambda function can return at most {_maxPayloadBytes} bytes. " +
                "Serve large content from S3 (for example with a pre-signed URL) or page the result.");
            TryWriteEnvelope(exchange);
        }

        response.Write(_json.WrittenSpan);

        if (await exchange.Response.CompleteAsync().ConfigureAwait(false) is { } completedFailure)
        {
            LogOnCompletedFailed(_logger, completedFailure, requestId);
        }
        application.DisposeContext(context, failure);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _bodyBuffer.Dispose();
        _json.Dispose();
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

    private static void WriteProblem(HttpExchange exchange, int status, string title, string detail)
    {
        exchange.Response.ResetForError(status);
        exchange.Response.ResponseHeaders[HeaderNames.ContentType] = "application/problem+json";
        exchange.Response.ResponseHeaders[HeaderNames.CacheControl] = "no-store";
        exchange.ResponseBody.Clear();
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

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "Unhandled exception while processing request {AwsRequestId}; answering 500")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string awsRequestId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The response to request {AwsRequestId} is {Size} bytes, over the {Limit}-byte Lambda payload limit; answering 502")]
    private static partial void LogResponseTooLarge(ILogger logger, string awsRequestId, long size, int limit);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "The application aborted request {AwsRequestId}; answering 502")]
    private static partial void LogAborted(ILogger logger, string awsRequestId);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "An OnCompleted callback failed for request {AwsRequestId}")]
    private static partial void LogOnCompletedFailed(ILogger logger, Exception exception, string awsRequestId);
}
