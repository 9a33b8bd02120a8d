using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Contract;
using Serverless.WebApp.Hosting.Invocations;
using Serverless.WebApp.Hosting.Control;
using Serverless.WebApp.Hosting.Tasks.Aws;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>
/// Runs the task a schedule names: <c>{"serverlessWebApp":{"kind":"task","task":"name","payload":{..},"schedule":"nightly"}}</c>
/// from an EventBridge rule or Scheduler. On the web function (short timeout) the task is handed to the task queue and
/// the worker runs it with the queue's retries and dead-letter queue; elsewhere it runs in place, and a failure fails
/// the invocation (<c>TaskFailed</c>) so the target's retry policy and dead-letter queue take over. The task id
/// derives from the request id, which Lambda keeps across its asynchronous retries, so a retried schedule that was
/// already enqueued or DONE (with a status table) does not run twice.
/// </summary>
internal sealed partial class ScheduledTaskHandler : ILambdaEventHandler
{
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ServerlessWebAppTaskOptions _options;
    private readonly ILogger<ScheduledTaskHandler> _logger;

    // The runner is resolved on the first scheduled event, keeping AWS clients out of the cold start.
    public ScheduledTaskHandler(IServiceProvider services, TimeProvider clock, IOptions<ServerlessWebAppTaskOptions> options,
        ILogger<ScheduledTaskHandler> logger)
    {
        _services = services;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    public int Order => 30;

    public bool CanHandle(JsonElement lambdaEvent) =>
        ControlEvents.TryGetEnvelope(lambdaEvent, SwaControlEvent.TaskKind, out _);

    public async Task HandleAsync(LambdaInvocation invocation, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        ControlEvents.TryGetEnvelope(invocation.Event, SwaControlEvent.TaskKind, out var envelope);
        var taskName = envelope.TryGetProperty(SwaControlEvent.Task, out var task) && task.ValueKind == JsonValueKind.String &&
            task.GetString() is { Length: > 0 } name
                ? name
                : throw new LambdaEventException("MalformedEvent",
                    $"A scheduled task event needs '{SwaControlEvent.Envelope}.{SwaControlEvent.Task}': the name of a mapped task.");
        var schedule = envelope.TryGetProperty(SwaControlEvent.Schedule, out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()
            : null;
        var payload = envelope.TryGetProperty(SwaControlEvent.Payload, out var p) && p.ValueKind != JsonValueKind.Null
            ? Encoding.UTF8.GetBytes(p.GetRawText())
            : "{}"u8.ToArray();

        var message = new TaskMessage(TaskIds.FromKey("schedule", taskName, invocation.RequestId), taskName,
            _clock.GetUtcNow(), payload, null);
        var state = HandsOffToQueue
            ? await EnqueueAsync(message, schedule, cancellationToken).ConfigureAwait(false)
            : await RunInPlaceAsync(message, schedule, invocation, cancellationToken).ConfigureAwait(false);

        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteString("taskId", message.TaskId);
        writer.WriteString(SwaControlEvent.Task, taskName);
        if (schedule is not null) writer.WriteString(SwaControlEvent.Schedule, schedule);
        writer.WriteString("state", state.Name);
        writer.WriteBoolean("alreadyDone", state.AlreadyDone);
        writer.WriteEndObject();
    }

    /// <summary>A web function has a short timeout: its scheduled tasks go to the worker through the queue.</summary>
    private bool HandsOffToQueue =>
        _options.RunsOnLambda && _options.FunctionRole == SwaEnvironment.WebRole && !string.IsNullOrEmpty(_options.QueueUrl);

    private async Task<(string Name, bool AlreadyDone)> EnqueueAsync(TaskMessage message, string? schedule,
        CancellationToken cancellationToken)
    {
        var registry = _services.GetRequiredService<TaskRegistry>();
        if (registry.Find(message.TaskName) is null)
        {
            throw new LambdaEventException("TaskFailed",
                $"Scheduled task '{message.TaskName}' (schedule {schedule ?? "unnamed"}) is not mapped. Known tasks: {registry.DescribeKnown()}.");
        }
        var queue = (SqsTaskQueue)_services.GetRequiredService<ITaskQueue>();
        LogScheduleEnqueues(_logger, schedule, message.TaskName, message.TaskId);
        await queue.SendAsync(message, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return (TaskStateNames.Received, false);
    }

    private async Task<(string Name, bool AlreadyDone)> RunInPlaceAsync(TaskMessage message, string? schedule,
        LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        LogScheduleRuns(_logger, schedule, message.TaskName, message.TaskId);
        var outcome = await _services.GetRequiredService<TaskRunner>()
            .RunAsync(message, 1, invocation.Deadline - _options.DeadlineMargin, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new LambdaEventException("TaskFailed",
                $"Scheduled task '{message.TaskName}' ({message.TaskId}, schedule {schedule ?? "unnamed"}) failed: {outcome.Error}");
        }
        return (TaskStateNames.Done, outcome.AlreadyDone);
    }

    [LoggerMessage(EventId = 55, Level = LogLevel.Information, Message = "Schedule {Schedule} enqueues task {TaskName} as {TaskId}")]
    private static partial void LogScheduleEnqueues(ILogger logger, string? schedule, string taskName, string taskId);

    [LoggerMessage(EventId = 56, Level = LogLevel.Information, Message = "Schedule {Schedule} runs task {TaskName} as {TaskId}")]
    private static partial void LogScheduleRuns(ILogger logger, string? schedule, string taskName, string taskId);
}
