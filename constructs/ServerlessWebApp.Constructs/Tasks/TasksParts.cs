using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>The task worker, queue and schedules of an app; all null without <c>Tasks</c>, schedules null without any.</summary>
internal sealed record TasksParts(FunctionParts? Worker, TaskQueue? Queue, TaskSchedules? Schedules)
{
    public static TasksParts None { get; } = new(null, null, null);
}
