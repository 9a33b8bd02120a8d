using Amazon.CDK.AWS.Logs;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>
/// How a failed task attempt shows in the worker's JSON log (<see cref="SwaTaskFailureLog"/>, the field names the
/// runtime's log line uses): the filter counts lines that carry both a task id and an error field.
/// </summary>
internal static class TaskFailureLog
{
    public const string TaskIdField = "$." + SwaTaskFailureLog.TaskIdField;
    public const string ErrorField = "$." + SwaTaskFailureLog.ErrorField;
    public const string MetricNamespace = "ServerlessWebApp";

    public static IFilterPattern Pattern => FilterPattern.All(
        FilterPattern.StringValue(TaskIdField, "=", "*"),
        FilterPattern.StringValue(ErrorField, "=", "*"));
}
