using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Tasks.Local;

/// <summary>
/// Off Lambda, runs queued tasks in-process from the SQLite queue with the SQS worker's semantics: retry after a
/// failure, dead-letter after <see cref="ServerlessWebAppTaskOptions.LocalMaxReceiveCount"/> deliveries, status in the same
/// file. Tasks left pending or in flight when the process stopped or died run after it restarts.
/// </summary>
internal sealed partial class LocalTaskWorker : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly LocalTaskSignal _signal;
    private readonly TimeProvider _clock;
    private readonly ServerlessWebAppTaskOptions _options;
    private readonly ILogger<LocalTaskWorker> _logger;
    private SqliteTaskMessageStore _messages = null!;
    private TaskRunner _runner = null!;

    // Registered everywhere but idle on Lambda, where it must not touch SQLite or build the task runner.
    public LocalTaskWorker(IServiceProvider services, LocalTaskSignal signal, TimeProvider clock,
        IOptions<ServerlessWebAppTaskOptions> options, ILogger<LocalTaskWorker> logger)
    {
        _services = services;
        _signal = signal;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.RunsOnLambda) return;
        _messages = _services.GetRequiredService<SqliteTaskMessageStore>();
        _runner = _services.GetRequiredService<TaskRunner>();
        if (_services.GetRequiredService<ITaskStatusStore>() is SqliteTaskStatusStore status)
        {
            await status.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
        }
        var recovered = await _messages.RecoverAbandonedAsync(stoppingToken).ConfigureAwait(false);
        if (recovered > 0)
        {
            LogRecovered(_logger, recovered);
        }
        var loops = Enumerable.Range(0, Math.Max(1, _options.LocalConcurrency)).Select(_ => RunLoopAsync(stoppingToken));
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivery = await _messages.ClaimNextAsync(stoppingToken).ConfigureAwait(false);
                if (delivery is null)
                {
                    await _signal.WaitAsync(await IdleWaitAsync(stoppingToken).ConfigureAwait(false), stoppingToken)
                        .ConfigureAwait(false);
                    continue;
                }
                await ProcessAsync(delivery, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWorkerFailed(_logger, ex, _options.LocalPollInterval);
                await Task.Delay(_options.LocalPollInterval, _clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<TimeSpan> IdleWaitAsync(CancellationToken stoppingToken)
    {
        var next = await _messages.NextVisibleAtAsync(stoppingToken).ConfigureAwait(false);
        if (next is null) return _options.LocalPollInterval;
        var untilDue = next.Value - _clock.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1)
            : untilDue < _options.LocalPollInterval ? untilDue : _options.LocalPollInterval;
    }

    private async Task ProcessAsync(LocalTaskDelivery delivery, CancellationToken stoppingToken)
    {
        if (delivery.ReceiveCount > _options.LocalMaxReceiveCount)
        {
            // In flight when the process died on its last allowed delivery.
            await _messages.DeadLetterAsync(delivery.Sequence,
                "Abandoned: the app stopped while the task ran on its last allowed delivery.", CancellationToken.None)
                .ConfigureAwait(false);
            return;
        }

        TaskRunOutcome outcome;
        try
        {
            var message = TaskMessageCodec.Decode(delivery.Body);
            outcome = await _runner.RunAsync(message, delivery.ReceiveCount, null, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await _messages.ReleaseAsync(delivery.Sequence, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            outcome = TaskRunOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
        }

        if (outcome.Succeeded)
        {
            await _messages.DeleteAsync(delivery.Sequence, CancellationToken.None).ConfigureAwait(false);
        }
        else if (delivery.ReceiveCount >= _options.LocalMaxReceiveCount)
        {
            LogDeadLettered(_logger, delivery.TaskId, delivery.ReceiveCount, outcome.Error);
            await _messages.DeadLetterAsync(delivery.Sequence, outcome.Error!, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await _messages.RetryLaterAsync(delivery.Sequence, _options.LocalRetryDelay, outcome.Error!, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "{Count} local tasks were in flight when the app last stopped; they will run again")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 51, Level = LogLevel.Error, Message = "The local task worker failed; retrying after {Delay}")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 52, Level = LogLevel.Error, Message = "Task {TaskId} dead-lettered after {ReceiveCount} deliveries: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string taskId, int receiveCount, string? error);
}
