using Microsoft.Extensions.Logging;

namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>Off Lambda: enqueues into the durable SQLite queue that <see cref="LocalTaskWorker"/> drains in-process.</summary>
internal sealed partial class LocalTaskQueue : ITaskQueue
{
    private readonly TaskMessageFactory _factory;
    private readonly SqliteTaskMessageStore _messages;
    private readonly ITaskStatusWriter _status;
    private readonly LocalTaskSignal _signal;
    private readonly ILogger<LocalTaskQueue> _logger;

    public LocalTaskQueue(TaskMessageFactory factory, SqliteTaskMessageStore messages, ITaskStatusWriter status,
        LocalTaskSignal signal, ILogger<LocalTaskQueue> logger)
    {
        _factory = factory;
        _messages = messages;
        _status = status;
        _signal = signal;
        _logger = logger;
    }

    public async Task<string> EnqueueAsync<TPayload>(string taskName, TPayload payload, TaskEnqueueOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var message = _factory.Create(taskName, payload, options);
        if (!await _status.TryCreateAsync(message.TaskId, taskName, cancellationToken).ConfigureAwait(false))
        {
            LogAlreadyEnqueued(_logger, taskName, message.TaskId);
            return message.TaskId;
        }
        try
        {
            await _messages.EnqueueAsync(message.TaskId, TaskMessageCodec.Encode(message), options?.Delay ?? TimeSpan.Zero,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _status.RemoveReceivedAsync(message.TaskId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        _signal.Notify();
        LogEnqueued(_logger, taskName, message.TaskId);
        return message.TaskId;
    }

    [LoggerMessage(EventId = 53, Level = LogLevel.Information, Message = "Task {TaskName} with deduplication key already enqueued as {TaskId}")]
    private static partial void LogAlreadyEnqueued(ILogger logger, string taskName, string taskId);

    [LoggerMessage(EventId = 54, Level = LogLevel.Information, Message = "Task {TaskName} enqueued locally as {TaskId}")]
    private static partial void LogEnqueued(ILogger logger, string taskName, string taskId);
}
