using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2.Targets;
using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.LoadBalancing;

/// <summary>Builds the Lambda target group and listener rule for <see cref="ServerlessWebAppProps.LoadBalancerTarget"/>.</summary>
internal static class LoadBalancerTargetBuilder
{
    private const string MultiValueHeadersAttribute = "lambda.multi_value_headers.enabled";

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
