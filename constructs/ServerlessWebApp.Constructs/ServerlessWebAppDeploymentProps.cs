using Amazon.CDK.AWS.IAM;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// How a release reaches the <c>live</c> aliases of the web function and of the task worker
/// (<see cref="ServerlessWebAppProps.Deployment"/>). With a canary or linear <see cref="Traffic"/>, or with a hook, a
/// CodeDeploy deployment group per function moves each alias step by step and rolls it back automatically when an
/// alarm on the new version fires (<see cref="Alarms"/>), when a hook fails, or when the deployment is stopped.
/// Without any of them (the default), a deploy moves the aliases at once. CodeDeploy is free for Lambda; the alarms
/// are billed (<see cref="ServerlessWebAppDeploymentAlarmsProps"/>).
/// </summary>
public sealed class ServerlessWebAppDeploymentProps
{
    /// <summary>
    /// How traffic moves to the new version: <see cref="TrafficShift.AllAtOnce"/>, <see cref="TrafficShift.Canary"/> or
    /// <see cref="TrafficShift.Linear"/>. Default: all at once.
    /// </summary>
    public TrafficShift? Traffic { get; set; }

    /// <summary>The alarms that roll a release back. Default: every alarm on when <see cref="Traffic"/> is gradual, none otherwise.</summary>
    public ServerlessWebAppDeploymentAlarmsProps? Alarms { get; set; }

    /// <summary>
    /// A check before any traffic reaches the new web function version (e.g. <c>DeploymentHook.Command("migrate")</c>);
    /// a failure rolls the release back. Applies to the web function's deployment. Default: none.
    /// </summary>
    public DeploymentHook? PreTraffic { get; set; }

    /// <summary>A check after all traffic has moved to the new web function version (e.g. a smoke test); a failure rolls back. Default: none.</summary>
    public DeploymentHook? PostTraffic { get; set; }

    /// <summary>
    /// The CodeDeploy service role, supplied by the platform team. Required when <c>Role</c> is supplied and CodeDeploy
    /// is used; never modified (its needs are in the required-permissions report). Default: one role created here,
    /// trusted by CodeDeploy, allowed only to read and move the two aliases, read the deployment alarms and invoke the
    /// hooks (no managed policy).
    /// </summary>
    public IRole? Role { get; set; }

    /// <summary>
    /// The role of the function that runs a management-command hook, supplied by the platform team. Required when
    /// <c>Role</c> is supplied and a hook is a <see cref="DeploymentHook.Command"/>. Default: one role created here,
    /// allowed only to invoke the web function's new version, report to this deployment group, and write its logs,
    /// traces and dead letters.
    /// </summary>
    public IRole? HookRole { get; set; }
}
