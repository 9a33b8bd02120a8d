namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>The task queue and schedules of an app; both null without <c>Tasks</c>, schedules null without any.</summary>
internal sealed record TasksParts(TaskQueue? Queue, TaskSchedules? Schedules)
{
    public static TasksParts None { get; } = new(null, null);
}
