using Amazon.CDK.AWS.Logs;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>
/// How a failed task attempt shows in the worker's JSON log: the runtime logs <c>Task {TaskId} ({TaskName}) failed:
/// {Error}</c> at WARN, and its JSON formatter writes each template value as a field. The filter counts lines that carry
/// both a <c>TaskId</c> and an <c>Error</c> field.
/// </summary>
internal static class TaskFailureLog
{
    public const string TaskIdField = "$.TaskId";
    public const string ErrorField = "$.Error";
    public const string MetricNamespace = "ServerlessWebApp";

    public static IFilterPattern Pattern => FilterPattern.All(
        FilterPattern.StringValue(TaskIdField, "=", "*"),
        FilterPattern.StringValue(ErrorField, "=", "*"));
}
