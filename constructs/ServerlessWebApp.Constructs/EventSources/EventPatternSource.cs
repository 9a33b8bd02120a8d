using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Serverless.WebApp.Constructs.Validation;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>
/// An EventBridge rule for the pattern with the function's alias as target, delivering each event inside the envelope
/// that names the rule (an input transformer), with a dead-letter queue for events it cannot deliver.
/// </summary>
internal sealed class EventPatternSource(string name, EventPattern pattern, EventPatternSourceOptions options) : AppEventSource(name, options)
{
    private const string DefaultBus = "default";
    private const int MaxRuleNameLength = 64;
    private const int MaxNameLength = 40;

    internal override string Kind => "event pattern";

    internal override string RecordType => "EventBridgeEvent";

    /// <summary>Whether the construct creates the rule target's dead-letter queue (EventBridge then needs the app's key to send to it).</summary>
    internal bool CreatesDeadLetterQueue => options.DeadLetterQueue is null;

    internal override void Check(Findings findings, string property)
    {
        ValueRules.TargetRetry(findings, options.RetryAttempts, options.MaxEventAge, property);
        if (Name?.Length > MaxNameLength)
            findings.Error($"{property}.Name", $"'{Name}' has {Name.Length} characters; allowed: at most {MaxNameLength} for an event pattern (it ends the rule's name)");
    }

    internal override BoundEventSource Bind(EventSourceTarget target)
    {
        // The rule is named here so its ARN is known without referring to the rule itself: the function's environment
        // names the ARN, and the rule targets the function, so a reference would be a cycle.
        var ruleName = Names.UniqueResourceName(target.Scope, new UniqueResourceNameOptions { MaxLength = MaxRuleNameLength - Name.Length - 1 }) + "-" + Name;
        var rule = new Rule(target.Scope, target.Id, new RuleProps
        {
            RuleName = ruleName,
            EventBus = options.EventBus,
            EventPattern = pattern,
            Description = $"Delivers events to the app's '{Name}' event source.",
        });
        rule.AddTarget(new LambdaFunction(target.Function.Alias, new LambdaFunctionProps
        {
            DeadLetterQueue = options.DeadLetterQueue ?? target.FailureQueue("DeadLetterQueue"),
            RetryAttempts = options.RetryAttempts,
            MaxEventAge = options.MaxEventAge,
        }));
        ((Amazon.CDK.AWS.Events.CfnRule)rule.Node.DefaultChild!).AddPropertyOverride("Targets.0.InputTransformer",
            new Dictionary<string, object> { ["InputTemplate"] = SwaEventBridgeEnvelope.InputTemplate });

        var busName = options.EventBus?.EventBusName;
        var ruleArn = Stack.Of(target.Scope).FormatArn(new ArnComponents
        {
            Service = "events",
            Resource = "rule",
            ResourceName = busName is null || busName == DefaultBus ? ruleName : $"{busName}/{ruleName}",
        });
        return new BoundEventSource(Name, ruleArn, rule);
    }
}
