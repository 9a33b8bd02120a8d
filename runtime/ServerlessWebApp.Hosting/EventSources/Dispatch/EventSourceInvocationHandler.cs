using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Hosting.Invocations;

namespace Serverless.WebApp.Hosting.EventSources.Dispatch;

/// <summary>
/// Runs the records of one mapped event source: routes the event by its source ARN to the name the construct registered,
/// runs each record in its own DI scope with the invocation's cancellation token, and reports failures the way the
/// source expects (<see cref="EventSourceDelivery"/>). A handler's exception, a record that does not deserialise or a
/// record cut off by the deadline fails that record only.
/// </summary>
internal sealed partial class EventSourceInvocationHandler<TAdapter> : ILambdaEventHandler
    where TAdapter : IEventSourceAdapter
{
    private const string FifoSuffix = ".fifo";

    private readonly TAdapter _adapter;
    private readonly EventSourceRoutes _routes;
    private readonly EventSourceRegistry _registry;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;

    public EventSourceInvocationHandler(TAdapter adapter, EventSourceRoutes routes, EventSourceRegistry registry,
        IServiceScopeFactory scopes, ILogger<EventSourceInvocationHandler<TAdapter>> logger)
    {
        _adapter = adapter;
        _routes = routes;
        _registry = registry;
        _scopes = scopes;
        _logger = logger;
    }

    public int Order => _adapter.Order;

    /// <remarks>An SQS batch is claimed only from a registered queue: any other queue's batch belongs to the task worker.</remarks>
    public bool CanHandle(JsonElement lambdaEvent) =>
        _adapter.CanHandle(lambdaEvent) &&
        (_adapter.Kind != EventSourceKind.Sqs || _routes.TryGetName(FirstSourceArn(lambdaEvent), out _));

    public async Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var lambdaEvent = invocation.Event;
        var records = _adapter.Records(lambdaEvent);
        var sourceArn = records.Count > 0 ? _adapter.SourceArn(lambdaEvent, records[0]) : null;
        var registration = Route(sourceArn);

        var failures = new List<string>();
        var stopAtFirstFailure = _adapter.Delivery == EventSourceDelivery.OrderedBatch ||
            sourceArn!.EndsWith(FifoSuffix, StringComparison.Ordinal);
        foreach (var record in records)
        {
            var recordId = _adapter.RecordId(record);
            var failed = failures.Count > 0 && stopAtFirstFailure ||
                !await RunRecordAsync(registration, sourceArn!, lambdaEvent, record, recordId, invocation, cancellationToken).ConfigureAwait(false);
            if (!failed) continue;
            if (_adapter.Delivery != EventSourceDelivery.Asynchronous && recordId is null)
            {
                throw new LambdaEventException("MalformedEvent",
                    $"A {_adapter.Kind} record of '{registration.Name}' has no id to report as a batch item failure; the whole batch is retried.");
            }
            failures.Add(recordId ?? "(no id)");
            if (_adapter.Delivery == EventSourceDelivery.OrderedBatch) break;
        }

        if (_adapter.Delivery == EventSourceDelivery.Asynchronous)
        {
            if (failures.Count > 0)
            {
                throw new LambdaEventException("EventRecordFailed",
                    $"{failures.Count} of {records.Count} {_adapter.Kind} records of '{registration.Name}' failed ({string.Join(", ", failures)}); " +
                    "Lambda retries the invocation, then sends it to the on-failure destination.");
            }
            using var done = new Utf8JsonWriter(response);
            done.WriteStartObject();
            done.WriteEndObject();
            return;
        }

        BatchItemFailuresResponse.Write(response, failures);
    }

    private string? FirstSourceArn(JsonElement lambdaEvent)
    {
        var records = _adapter.Records(lambdaEvent);
        return records.Count > 0 ? _adapter.SourceArn(lambdaEvent, records[0]) : null;
    }

    private EventSourceRegistration Route(string? sourceArn)
    {
        if (!_routes.TryGetName(sourceArn, out var name))
        {
            throw new LambdaEventException("UnroutedEvent",
                $"A {_adapter.Kind} event from {sourceArn ?? "(no source ARN)"} arrived, but no event source of this function is " +
                $"registered for that ARN. Registered: {_routes.Describe()}. Add it to the construct's EventSources.");
        }
        var registration = _registry.Find(name) ?? throw new LambdaEventException("UnmappedEventSource",
            $"Event source '{name}' ({sourceArn}) has no handler: map it with app.MapEvent(\"{name}\", ...). Mapped: {_registry.DescribeKnown()}.");
        if (registration.Kind != _adapter.Kind)
        {
            throw new LambdaEventException("EventSourceKindMismatch",
                $"Event source '{name}' is mapped with {registration.RecordTypeName} ({registration.Kind} records), but a {_adapter.Kind} event from {sourceArn} arrived.");
        }
        return registration;
    }

    private async Task<bool> RunRecordAsync(EventSourceRegistration registration, string sourceArn, JsonElement lambdaEvent,
        JsonElement record, string? recordId, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var name = registration.Name;
        if (cancellationToken.IsCancellationRequested)
        {
            LogNotStarted(_logger, name, recordId);
            return false;
        }
        if (_adapter.SourceArn(lambdaEvent, record) is var arn && arn != sourceArn)
        {
            LogForeignRecord(_logger, name, recordId, arn);
            return false;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var context = new EventSourceContext(name, _adapter.Kind, sourceArn, recordId, invocation.RequestId, invocation.Deadline,
            scope.ServiceProvider);
        try
        {
            await registration.RunAsync(record, context, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (EventPayloadException ex)
        {
            LogMalformedRecord(_logger, ex, name, recordId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogDeadline(_logger, name, recordId);
        }
        catch (Exception ex)
        {
            LogRecordFailed(_logger, ex, name, recordId);
        }
        return false;
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Event source {EventSource}: record {RecordId} failed")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string eventSource, string? recordId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Event source {EventSource}: record {RecordId} does not deserialise and fails")]
    private static partial void LogMalformedRecord(ILogger logger, Exception exception, string eventSource, string? recordId);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Event source {EventSource}: record {RecordId} was still running at the invocation deadline and fails")]
    private static partial void LogDeadline(ILogger logger, string eventSource, string? recordId);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Event source {EventSource}: record {RecordId} not started, no time left in the invocation")]
    private static partial void LogNotStarted(ILogger logger, string eventSource, string? recordId);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Event source {EventSource}: record {RecordId} comes from {SourceArn}, not from the batch's source, and fails")]
    private static partial void LogForeignRecord(ILogger logger, string eventSource, string? recordId, string? sourceArn);
}
