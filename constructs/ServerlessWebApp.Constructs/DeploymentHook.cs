using Amazon.CDK.AWS.Lambda;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// A check CodeDeploy runs during a release, before traffic moves to the new version or after all of it has
/// (<see cref="ServerlessWebAppDeploymentProps.PreTraffic"/>, <see cref="ServerlessWebAppDeploymentProps.PostTraffic"/>);
/// when it fails, the release is rolled back. Create one with <see cref="Function"/> or <see cref="Command"/>.
/// </summary>
public sealed class DeploymentHook
{
    private DeploymentHook(IFunction? function, string? command, IReadOnlyList<string> args)
    {
        HookFunction = function;
        CommandName = command;
        CommandArgs = args;
    }

    /// <summary>The function that is the hook (<see cref="Function"/>), else null.</summary>
    public IFunction? HookFunction { get; }

    /// <summary>The management command the hook runs (<see cref="Command"/>), else null.</summary>
    public string? CommandName { get; }

    /// <summary>The management command's arguments.</summary>
    public IReadOnlyList<string> CommandArgs { get; }

    /// <summary>
    /// A function you supply: CodeDeploy invokes it with the deployment id and hook execution id, and it must report
    /// <c>Succeeded</c> or <c>Failed</c> with <c>codedeploy:PutLifecycleEventHookExecutionStatus</c> (granted to its role
    /// when the role is mutable). CodeDeploy's role is allowed to invoke it; a function from outside the stack must be
    /// imported with <c>Function.FromFunctionAttributes</c> and <c>SameEnvironment = true</c> (CDK cannot add an
    /// invoke permission to an imported function).
    /// </summary>
    public static DeploymentHook Function(IFunction function) => new(function, null, []);

    /// <summary>
    /// One of the app's management commands (<c>app.MapCommand</c>), run on the new version of the web function before
    /// it gets traffic (or after): the hook passes when the command's exit code is 0, e.g.
    /// <c>DeploymentHook.Command("migrate")</c> or <c>DeploymentHook.Command("smoke-test", "--quick")</c>. The construct
    /// creates a small hook function (Python, pay per use) that invokes the version and reports the result.
    /// </summary>
    public static DeploymentHook Command(string command, params string[] args) => new(null, command, args ?? []);

    /// <inheritdoc />
    public override string ToString() => CommandName is { } command ? $"Command({command})" : "Function";
}
