using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Runs one delivery of a task through the status state machine. Shared by the SQS worker, the scheduled-task
/// handler and the local worker, so all three have the same semantics: an unknown task, an unreadable payload, a
/// throwing handler or a missed deadline fail this delivery only, and a DONE task is never run again.
/// </summary>
internal sealed partial class TaskRunner
{
    private readonly TaskRegistry _registry;
    private readonly ITaskStatusWriter _status;
    private readonly ITaskPayloadStore _payloads;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<TaskRunner> _logger;

    public TaskRunner(TaskRegistry registry, ITaskStatusWriter status, ITaskPayloadStore payloads,
        IServiceScopeFactory scopes, TimeProvider clock, ILogger<TaskRunner> logger)
    {
        _registry = registry;
        _status = status;
        _payloads = payloads;
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
    }

    /// <param name="message">The decoded task message.</param>
    /// <param name="deliveryCount">How often the queue has delivered this message, this delivery included.</param>
    /// <param name="deadline">When the attempt is cancelled; null for none.</param>
    /// <param name="cancellationToken">Stops the attempt (host shutdown); it then throws <see cref="OperationCanceledException"/>.</param>
    public async Task<TaskRunOutcome> RunAsync(TaskMessage message, int deliveryCount, DateTimeOffset? deadline,
        CancellationToken cancellationToken)
    {
        var registration = _registry.Find(message.TaskName);
        if (registration is null)
        {
            return await FailAsync(message,
                $"UnknownTask: no task named '{message.TaskName}' is mapped. Known tasks: {_registry.DescribeKnown()}.",
                null, cancellationToken).ConfigureAwait(false);
        }

        if (deadline is { } cutOff && cutOff <= _clock.GetUtcNow())
        {
            LogNoTimeLeft(_logger, message.TaskId, message.TaskName);
            return TaskRunOutcome.Failed("DeadlineExceeded: no time left in the invocation to start the task.");
        }

        var begin = await _status.BeginAsync(message.TaskId, message.TaskName, deadline, cancellationToken).ConfigureAwait(false);
        if (begin.AlreadyDone)
        {
            LogAlreadyDone(_logger, message.TaskId, message.TaskName, deliveryCount);
            return TaskRunOutcome.Skipped;
        }
        if (begin.Busy)
        {
            // Not recorded as FAILED: the running delivery owns the status. This message comes back after its
            // visibility timeout, by when the task is DONE (then skipped) or free to retry.
            LogBusy(_logger, message.TaskId, message.TaskName, deliveryCount);
            return TaskRunOutcome.Failed($"Busy: task {message.TaskId} is running in another delivery.");
        }

        // The deadline runs on the injected clock (tests move it by hand); time spent above may already have used it up.
        using var deadlineCancellation = deadline is { } due
            ? new CancellationTokenSource(Max(due - _clock.GetUtcNow(), TimeSpan.Zero), _clock)
            : null;
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineCancellation?.Token ?? CancellationToken.None);

        try
        {
            var payload = message.PayloadReference is { } reference
                ? await _payloads.GetAsync(reference, attemptCancellation.Token).ConfigureAwait(false)
                : message.InlinePayload ?? ReadOnlyMemory<byte>.Empty;
            await using var scope = _scopes.CreateAsyncScope();
            var context = new TaskContext(message.TaskId, message.TaskName, Math.Max(begin.Attempt, deliveryCount),
                deadline, scope.ServiceProvider);
            var result = await registration.RunAsync(payload, context, attemptCancellation.Token).ConfigureAwait(false);
            await _status.CompleteAsync(message.TaskId, result, CancellationToken.None).ConfigureAwait(false);
            LogDone(_logger, message.TaskId, message.TaskName, context.Attempt);
            return TaskRunOutcome.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (attemptCancellation.IsCancellationRequested)
        {
            return await FailAsync(message, "DeadlineExceeded: the task was still running at the invocation deadline.",
                ex, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return await FailAsync(message, $"{ex.GetType().Name}: {ex.Message}", ex, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private async Task<TaskRunOutcome> FailAsync(TaskMessage message, string error, Exception? exception,
        CancellationToken cancellationToken)
    {
        LogTaskFailed(_logger, exception, message.TaskId, message.TaskName, error);
        await _status.FailAsync(message.TaskId, message.TaskName, error, cancellationToken).ConfigureAwait(false);
        return TaskRunOutcome.Failed(error);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Task {TaskId} ({TaskName}) not started: no time left in the invocation")]
    private static partial void LogNoTimeLeft(ILogger logger, string taskId, string taskName);

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "Task {TaskId} ({TaskName}) is already DONE; delivery {DeliveryCount} skipped")]
    private static partial void LogAlreadyDone(ILogger logger, string taskId, string taskName, int deliveryCount);

    [LoggerMessage(EventId = 46, Level = LogLevel.Information, Message = "Task {TaskId} ({TaskName}) is running in another delivery; delivery {DeliveryCount} retried later")]
    private static partial void LogBusy(ILogger logger, string taskId, string taskName, int deliveryCount);

    [LoggerMessage(EventId = 47, Level = LogLevel.Information, Message = "Task {TaskId} ({TaskName}) DONE on attempt {Attempt}")]
    private static partial void LogDone(ILogger logger, string taskId, string taskName, int attempt);

    [LoggerMessage(EventId = 48, Level = LogLevel.Warning, Message = "Task {" + SwaTaskFailureLog.TaskIdField + "} ({TaskName}) failed: {" + SwaTaskFailureLog.ErrorField + "}")]
    private static partial void LogTaskFailed(ILogger logger, Exception? exception, string taskId, string taskName, string error);
}
