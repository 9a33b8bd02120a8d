using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>The task worker, queue, keep-warm rule, schedules and command outputs of an app; unused members are null or empty.</summary>
internal sealed record TasksParts(
    FunctionParts? Worker,
    TaskQueue? Queue,
    KeepWarm? KeepWarm,
    TaskSchedules? Schedules,
    IReadOnlyList<ManagementCommand> Commands);
