using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2.Targets;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.LoadBalancing;

/// <summary>Builds the Lambda target group and listener rule for <see cref="ServerlessWebAppProps.LoadBalancerTarget"/>.</summary>
internal static class LoadBalancerTargetBuilder
{
    private const string Property = nameof(ServerlessWebAppProps.LoadBalancerTarget);
    private const string MultiValueHeadersAttribute = "lambda.multi_value_headers.enabled";

    /// <exception cref="ArgumentException">The props are incomplete or out of range; the message lists every error.</exception>
    public static void Validate(string constructPath, ServerlessWebAppProps props)
    {
        if (props.LoadBalancerTarget is not { } target) return;
        var errors = new List<string>();
        if (target.Listener is null) errors.Add($"{Property}.Listener is required: the listener of the existing load balancer");
        if (target.Priority is not { } priority || priority < 1 || priority > 50000 || priority % 1 != 0)
            errors.Add($"{Property}.Priority is {target.Priority?.ToString() ?? "missing"}; allowed: a whole number from 1 to 50000 no other rule of the listener uses");
        if (target.Conditions is not { Length: > 0 })
            errors.Add($"{Property}.Conditions is empty; allowed: at least one ListenerCondition (e.g. ListenerCondition.PathPatterns([\"/app/*\"]))");
        if (errors.Count > 0)
            throw new ArgumentException($"ServerlessWebApp '{constructPath}': {string.Join("; ", errors)}.", Property);
    }

    public static ApplicationTargetGroup? Build(Construct scope, ServerlessWebAppProps props, FunctionParts web)
    {
        if (props.LoadBalancerTarget is not { } target) return null;
        var targetGroup = new ApplicationTargetGroup(scope, "LoadBalancerTargetGroup", new ApplicationTargetGroupProps
        {
            TargetType = TargetType.LAMBDA,
            Targets = [new LambdaTarget(web.Alias)],
            HealthCheck = target.HealthCheck ?? new HealthCheck { Enabled = false },
        });
        if (target.MultiValueHeaders == true) targetGroup.SetAttribute(MultiValueHeadersAttribute, "true");
        _ = new ApplicationListenerRule(scope, "LoadBalancerRule", new ApplicationListenerRuleProps
        {
            Listener = target.Listener!,
            Priority = target.Priority!.Value,
            Conditions = target.Conditions,
            TargetGroups = [targetGroup],
        });
        return targetGroup;
    }
}
