using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Hosting.Buffers;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.Runtime;

/// <summary>
/// The Lambda event loop: <c>/next</c> → parse → first handler (by <see cref="ILambdaEventHandler.Order"/>) that
/// recognises the event → <c>/response</c> or <c>/error</c>. One invocation at a time, as Lambda delivers them.
/// No single event can end the loop; only stopping the host (SIGTERM) or a Runtime API that stays unreachable does.
/// </summary>
internal sealed partial class LambdaInvocationLoop : IDisposable
{
    private const string ExpectedEvents =
        "Expected an API Gateway REST API (payload 1.0), HTTP API or function URL (payload 2.0), Application Load Balancer, " +
        "a request-shaped direct invocation ({\"httpMethod\": ..., \"path\": ...}) or a ServerlessWebApp control event";

    private readonly ILambdaRuntimeClient _client;
    private readonly ILambdaEventHandler[] _handlers;
    private readonly ILambdaEnvironment _environment;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _deadlineMargin;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger _logger;
    private readonly PooledBufferWriter _response = new(8 * 1024);
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenSource _deadline;
    private Task _running = Task.CompletedTask;

    public LambdaInvocationLoop(
        ILambdaRuntimeClient client,
        IEnumerable<ILambdaEventHandler> handlers,
        ILambdaEnvironment environment,
        TimeProvider clock,
        IOptions<ServerlessWebAppOptions> options,
        ILogger<LambdaInvocationLoop> logger,
        IHostApplicationLifetime? lifetime = null)
    {
        _client = client;
        _handlers = handlers.OrderBy(h => h.Order).ToArray();
        _environment = environment;
        _clock = clock;
        _deadlineMargin = options.Value.DeadlineMargin;
        _logger = logger;
        _lifetime = lifetime;
        _deadline = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, clock);
    }

    /// <summary>Starts polling in the background; returns at once.</summary>
    public void Start() => _running = Task.Run(() => RunAsync(_stopping.Token));

    /// <summary>Stops polling for events; an invocation in flight finishes first (bounded by the host's shutdown time-out).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time-out elapsed; Lambda is about to end the process anyway.
        }
    }

    internal async Task RunAsync(CancellationToken stopping)
    {
        LogStarted(_logger, _handlers.Length);
        while (!stopping.IsCancellationRequested)
        {
            LambdaNextInvocation next;
            try
            {
                next = await _client.GetNextInvocationAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRuntimeApiUnreachable(_logger, ex);
                Environment.ExitCode = 1;
                _lifetime?.StopApplication();
                return;
            }

            await RunInvocationAsync(next).ConfigureAwait(false);
        }

        LogStopped(_logger);
    }

    internal async Task RunInvocationAsync(LambdaNextInvocation next)
    {
        _environment.SetVariable(LambdaEnvironmentVariables.TraceId, next.TraceId);
        using var scope = _logger.BeginScope(new InvocationLogScope(next.RequestId));
        _response.Reset();

        LambdaErrorReport? error = null;
        try
        {
            await HandleAsync(next).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var errorType = ex is LambdaEventException eventException ? eventException.ErrorType : ex.GetType().Name;
            LogInvocationFailed(_logger, ex, next.RequestId, errorType);
            error = LambdaErrorReport.FromException(ex, errorType);
        }

        try
        {
            if (error is null)
            {
                await _client.PostResponseAsync(next.RequestId, _response.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await _client.PostErrorAsync(next.RequestId, error, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogPostFailed(_logger, ex, next.RequestId);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _deadline.Dispose();
        _response.Dispose();
    }

    private async Task HandleAsync(LambdaNextInvocation next)
    {
        if (next.MalformedHeader is { } malformed) throw new LambdaEventException(LambdaErrorTypes.MalformedEvent, malformed);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(next.Event);
        }
        catch (JsonException ex)
        {
            throw new LambdaEventException(LambdaErrorTypes.MalformedEvent,
                $"The event is not valid JSON ({ex.Message}). Lambda events must be JSON documents.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var handler = FindHandler(root) ?? throw new LambdaEventException(LambdaErrorTypes.UnrecognizedEvent,
                $"No handler recognises this event. {ExpectedEvents}. Received {Describe(root)}.");

            var deadline = next.DeadlineUnixMs > 0
                ? DateTimeOffset.FromUnixTimeMilliseconds(next.DeadlineUnixMs)
                : DateTimeOffset.MaxValue;
            var invocation = new LambdaInvocation(next.RequestId, deadline, next.InvokedFunctionArn, next.TraceId, next.Event, root);
            await handler.HandleAsync(invocation, _response, ArmDeadline(deadline)).ConfigureAwait(false);
        }
    }

    private ILambdaEventHandler? FindHandler(JsonElement root)
    {
        foreach (var handler in _handlers)
        {
            if (handler.CanHandle(root)) return handler;
        }
        return null;
    }

    /// <summary>A token that fires <see cref="ServerlessWebAppOptions.DeadlineMargin"/> before Lambda's deadline.</summary>
    private CancellationToken ArmDeadline(DateTimeOffset deadline)
    {
        if (!_deadline.TryReset())
        {
            _deadline.Dispose();
            _deadline = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _clock);
        }

        var remaining = deadline == DateTimeOffset.MaxValue ? TimeSpan.MaxValue : deadline - _clock.GetUtcNow() - _deadlineMargin;
        // Lambda allows 15 minutes at most; a deadline further away than a day is no deadline (and beyond a timer's range).
        if (remaining < TimeSpan.FromDays(1))
        {
            _deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }
        return _deadline.Token;
    }

    private static string Describe(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}";
        var names = root.EnumerateObject().Select(p => p.Name).Take(12).ToArray();
        return names.Length == 0 ? "an empty object" : $"an object with properties {string.Join(", ", names)}";
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Lambda invocation loop started with {HandlerCount} event handlers")]
    private static partial void LogStarted(ILogger logger, int handlerCount);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Lambda invocation loop stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Invocation {AwsRequestId} failed with {ErrorType}")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string awsRequestId, string errorType);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Could not post the result of invocation {AwsRequestId} to the Runtime API")]
    private static partial void LogPostFailed(ILogger logger, Exception exception, string awsRequestId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Critical, Message = "The Lambda Runtime API is unreachable; stopping the application")]
    private static partial void LogRuntimeApiUnreachable(ILogger logger, Exception exception);
}
