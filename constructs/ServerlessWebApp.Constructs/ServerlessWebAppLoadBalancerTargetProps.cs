using Amazon.CDK.AWS.ElasticLoadBalancingV2;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The web function behind a listener of an Application Load Balancer the platform team already runs
/// (<see cref="ServerlessWebAppProps.LoadBalancerTarget"/>): a Lambda target group on the <c>live</c> alias and a listener
/// rule. The construct creates no load balancer (it bills by the hour); the target group and rule cost nothing. The
/// runtime answers ALB events as it answers the front door.
/// </summary>
public sealed class ServerlessWebAppLoadBalancerTargetProps
{
    /// <summary>The listener to add the rule to (e.g. <c>ApplicationListener.FromLookup</c> or <c>FromApplicationListenerAttributes</c>). Required.</summary>
    public IApplicationListener? Listener { get; set; }

    /// <summary>The rule's priority on the listener, 1–50000, one no other rule of the listener uses. Required.</summary>
    public int? Priority { get; set; }

    /// <summary>When requests go to the app: path patterns, host headers, HTTP headers, ... (all must match). Required: at least one.</summary>
    public ListenerCondition[]? Conditions { get; set; }

    /// <summary>
    /// The target group's health check. Default: off: for a Lambda target each check is a billed invocation, and the
    /// function scales per request anyway.
    /// </summary>
    public HealthCheck? HealthCheck { get; set; }

    /// <summary>
    /// Whether the ALB sends and expects multi-value headers and query strings (<c>lambda.multi_value_headers.enabled</c>);
    /// the runtime answers in whichever form the event came. Default: false.
    /// </summary>
    public bool? MultiValueHeaders { get; set; }
}
