using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Stands in for the IAM role of one function when the platform team supplies that role: the usual grant calls
/// (<c>bucket.GrantRead(recorder.Grantee)</c>, <c>queue.GrantSendMessages(...)</c>, ...) and <see cref="AddStatement"/>
/// record the statements the role needs, and no IAM role, policy or inline policy is created for them. At synthesis
/// the statements of every recorder of the same app are written to
/// <c>artifacts/iam/&lt;appName&gt;.required-permissions.json</c> (see <see cref="RequiredPermissionsReport"/>).
/// </summary>
internal sealed class RequiredPermissionsRecorder : Construct
{
    private readonly List<PolicyStatement> _statements = [];

    /// <param name="scope">The construct the function belongs to.</param>
    /// <param name="id">Construct id, unique within <paramref name="scope"/>.</param>
    /// <param name="functionLabel">How the report names the function (e.g. "web", "worker"); unique per app.</param>
    /// <param name="appName">
    /// The report file's name, shared by all recorders of one app. Default: the stack name and the path of
    /// <paramref name="scope"/> inside the stack, joined with '-'.
    /// </param>
    /// <param name="suppliedRole">
    /// The role the platform team supplied, never modified: CDK names it when a grant also goes to a resource policy
    /// (a resource it cannot prove is in the stack's account, such as a secret imported by ARN). Default: none, and
    /// such a grant fails with a message asking for it.
    /// </param>
    public RequiredPermissionsRecorder(Construct scope, string id, string functionLabel, string? appName = null, IRole? suppliedRole = null)
        : base(scope, id)
    {
        if (string.IsNullOrWhiteSpace(functionLabel))
            throw new ArgumentException("functionLabel must name the function, e.g. \"web\" or \"worker\".", nameof(functionLabel));

        FunctionLabel = functionLabel;
        Grantee = new RecordingPrincipal(Stack.Of(this), functionLabel, suppliedRole, _statements.Add);
        Report = RequiredPermissionsReport.For(Stack.Of(this), appName ?? DefaultAppName(scope));
        Report.Register(this);
    }

    /// <summary>The function's name in the report.</summary>
    public string FunctionLabel { get; }

    /// <summary>The grantee that CDK grant calls can target; it records instead of creating IAM policies.</summary>
    public IGrantable Grantee { get; }

    /// <summary>The report this recorder contributes to (one per app name and stack).</summary>
    public RequiredPermissionsReport Report { get; }

    /// <summary>The statements recorded so far, in the order they were granted.</summary>
    public IReadOnlyList<PolicyStatement> Statements => _statements;

    /// <summary>Records a statement the function's role needs beyond what grants add (logs, X-Ray, network interfaces).</summary>
    public void AddStatement(PolicyStatement statement) => _statements.Add(statement);

    private static string DefaultAppName(Construct scope)
    {
        var stack = Stack.Of(scope);
        var node = scope.Node;
        var scopePath = node.Path;
        var stackPath = stack.Node.Path;
        var pathInStack = scopePath.StartsWith(stackPath + "/", StringComparison.Ordinal)
            ? scopePath[(stackPath.Length + 1)..]
            : node.Id;
        return RequiredPermissionsReport.SafeFileName($"{stack.StackName}-{pathInStack.Replace('/', '-')}");
    }
}
