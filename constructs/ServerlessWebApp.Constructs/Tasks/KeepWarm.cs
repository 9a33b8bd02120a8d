using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// An EventBridge rule that pings the web function's <c>live</c> alias with <c>{"serverlessWebApp":{"kind":"keep-warm"}}</c>,
/// which the runtime answers at once without entering the app's pipeline. The target retries and dead-letters.
/// </summary>
public sealed class KeepWarm : Construct
{
    /// <summary>Creates the rule, its target and (unless one is given) its dead-letter queue.</summary>
    public KeepWarm(Construct scope, string id, KeepWarmProps props) : base(scope, id)
    {
        TasksValidation.Validate(props);
        DeadLetterQueue = props.DeadLetterQueue ?? CreateDeadLetterQueue();
        Input = ControlEventInput.KeepWarm();
        Rule = new Rule(this, "Rule", new RuleProps
        {
            Description = "ServerlessWebApp keep-warm ping",
            Schedule = Schedule.Rate(props.Rate ?? KeepWarmDefaults.Rate()),
            Enabled = props.Enabled ?? true,
        });
        Rule.AddTarget(new LambdaFunction(props.Alias, new LambdaFunctionProps
        {
            Event = RuleTargetInput.FromObject(new Dictionary<string, object>
            {
                [SwaControlEvent.Envelope] = new Dictionary<string, object> { [SwaControlEvent.Kind] = SwaControlEvent.KeepWarmKind },
            }),
            RetryAttempts = props.RetryAttempts ?? KeepWarmDefaults.RetryAttempts,
            MaxEventAge = props.MaxEventAge ?? KeepWarmDefaults.MaxEventAge(),
            DeadLetterQueue = DeadLetterQueue,
        }));
    }

    /// <summary>The scheduled rule.</summary>
    public Rule Rule { get; }

    /// <summary>The queue that receives pings EventBridge could not deliver.</summary>
    public IQueue DeadLetterQueue { get; }

    /// <summary>The exact JSON input the function receives (the rule renders the same object).</summary>
    public string Input { get; }

    private Queue CreateDeadLetterQueue()
    {
        var queue = new Queue(this, "DeadLetterQueue", SecureQueueDefaults.DeadLetterQueue());
        ComplianceSuppressions.DeadLetterQueue(queue, usedByEventTargets: true);
        return queue;
    }
}
