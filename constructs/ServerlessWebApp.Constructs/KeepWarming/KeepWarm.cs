using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Serverless.WebApp.Constructs.Control;
using Serverless.WebApp.Constructs.Nag;
using Serverless.WebApp.Constructs.Queues;
using Serverless.WebApp.Constructs.Validation;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.KeepWarming;

/// <summary>
/// An EventBridge rule that pings the web function's <c>live</c> alias with <c>{"serverlessWebApp":{"kind":"keep-warm"}}</c>,
/// which the runtime answers at once without entering the app's pipeline. The target retries and dead-letters.
/// Invalid props are reported as synth errors (<c>cdk synth</c> lists them all) and nothing is built; the members then throw.
/// </summary>
public sealed class KeepWarm : Construct
{
    private readonly ConstructValidation _validation;

    /// <summary>Creates the rule, its target and (unless one is given) its dead-letter queue.</summary>
    public KeepWarm(Construct scope, string id, KeepWarmProps props) : base(scope, id)
    {
        _validation = ConstructValidation.Start(this);
        Input = ControlEventInput.KeepWarm();
        if (!_validation.Check(props, [KeepWarmPropsChecks.Check])) return;

        DeadLetterQueue = props.DeadLetterQueue ?? new Queue(this, "DeadLetterQueue", SecureQueueDefaults.DeadLetterQueue(props.EncryptionKey));
        SubConstructAcknowledgements.ControlDeadLetterQueue(DeadLetterQueue, createdHere: props.DeadLetterQueue is null);
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
    public Rule Rule { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The queue that receives pings EventBridge could not deliver.</summary>
    public IQueue DeadLetterQueue { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The exact JSON input the function receives (the rule renders the same object).</summary>
    public string Input { get; }
}
