using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Serverless.WebApp.Constructs.Monitoring;

/// <summary>
/// Creates the app's alarms one way: a name that says which app and what broke (<c>&lt;stack&gt;-&lt;construct path&gt;
/// &lt;what&gt;</c>), a description that says what to do, missing data treated as fine (no traffic is not a fault), and
/// the topic notified on alarm and when back to OK.
/// </summary>
internal sealed class AlarmFactory(ServerlessWebApp scope, ITopic? topic)
{
    private readonly List<Alarm> _alarms = [];

    /// <summary>What starts every alarm name of this app, e.g. <c>dev-FoundryService-Foundry</c>.</summary>
    public string NamePrefix { get; } = Prefix(scope);

    public IReadOnlyList<Alarm> Alarms => _alarms;

    public Alarm Add(string id, string what, string whatToDo, IMetric metric, double threshold, int evaluationPeriods = 1,
        ComparisonOperator? comparison = null)
    {
        var alarm = new Alarm(scope, id, new AlarmProps
        {
            AlarmName = $"{NamePrefix} {what}",
            AlarmDescription = whatToDo,
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = evaluationPeriods,
            ComparisonOperator = comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        if (topic is not null)
        {
            var action = new SnsAction(topic);
            alarm.AddAlarmAction(action);
            alarm.AddOkAction(action);
        }
        _alarms.Add(alarm);
        return alarm;
    }

    private static string Prefix(Construct scope)
    {
        var stack = Stack.Of(scope);
        var path = scope.Node.Path;
        var stackPath = stack.Node.Path;
        var relative = path.StartsWith(stackPath + "/", StringComparison.Ordinal) ? path[(stackPath.Length + 1)..] : scope.Node.Id;
        return $"{stack.StackName}-{relative.Replace('/', '-')}";
    }
}
