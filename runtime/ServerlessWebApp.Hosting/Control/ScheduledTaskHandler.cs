using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessWebApp.Contract;
using ServerlessWebApp.Hosting.Invocations;
using ServerlessWebApp.Hosting.Tasks;

namespace ServerlessWebApp.Hosting.Control;

/// <summary>
/// Runs the task a schedule names: <c>{"serverlessWebApp":{"kind":"task","task":"name","payload":{..},"schedule":"nightly"}}</c>
/// from an EventBridge rule or Scheduler. The task id derives from the request id, which Lambda keeps across its
/// asynchronous retries, so a retried schedule that already reached DONE does not run twice. A failed task fails
/// the invocation (<c>TaskFailed</c>), so the target's retry policy and dead-letter queue take over.
/// </summary>
internal sealed class ScheduledTaskHandler : ILambdaEventHandler
{
    private readonly TaskRunner _runner;
    private readonly TimeProvider _clock;
    private readonly ServerlessTaskOptions _options;
    private readonly ILogger<ScheduledTaskHandler> _logger;

    public ScheduledTaskHandler(TaskRunner runner, TimeProvider clock, IOptions<ServerlessTaskOptions> options,
        ILogger<ScheduledTaskHandler> logger)
    {
        _runner = runner;
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
        _logger.LogInformation("Schedule {Schedule} runs task {TaskName} as {TaskId}", schedule, taskName, message.TaskId);
        var outcome = await _runner.RunAsync(message, 1, invocation.Deadline - _options.DeadlineMargin, cancellationToken)
            .ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new LambdaEventException("TaskFailed",
                $"Scheduled task '{taskName}' ({message.TaskId}, schedule {schedule ?? "unnamed"}) failed: {outcome.Error}");
        }

        using var writer = new Utf8JsonWriter(response);
        writer.WriteStartObject();
        writer.WriteString("taskId", message.TaskId);
        writer.WriteString(SwaControlEvent.Task, taskName);
        if (schedule is not null) writer.WriteString(SwaControlEvent.Schedule, schedule);
        writer.WriteString("state", TaskStateNames.Done);
        writer.WriteBoolean("alreadyDone", outcome.AlreadyDone);
        writer.WriteEndObject();
    }
}
