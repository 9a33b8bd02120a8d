namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The existing load balancer's listener the web function is attached to (<c>LoadBalancerTarget</c>).</summary>
internal static class LoadBalancerTargetChecks
{
    private const string Property = nameof(ServerlessWebAppProps.LoadBalancerTarget);

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.LoadBalancerTarget is not { } target) return;
        if (target.Listener is null)
            findings.Error($"{Property}.Listener", "is required; allowed: the listener of the existing load balancer (ApplicationListener.FromLookup or FromApplicationListenerAttributes)");
        if (target.Priority is not { } priority)
            findings.Error($"{Property}.Priority", "is required; allowed: 1 to 50000, a priority no other rule of the listener uses");
        else if (priority is < 1 or > 50000)
            findings.Error($"{Property}.Priority", $"{priority} is out of range; allowed: 1 to 50000, a priority no other rule of the listener uses");
        if (target.Conditions is not { Length: > 0 })
            findings.Error($"{Property}.Conditions", "is empty; allowed: at least one ListenerCondition (e.g. ListenerCondition.PathPatterns([\"/app/*\"]))");
        else if (target.Conditions.Any(condition => condition is null))
            findings.Error($"{Property}.Conditions", "holds null; allowed: ListenerCondition entries only");
    }
}
