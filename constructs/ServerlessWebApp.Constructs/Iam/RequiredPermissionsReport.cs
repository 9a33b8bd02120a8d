using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// One per app name and stack: gathers the <see cref="RequiredPermissionsRecorder"/>s of an app, writes their
/// statements to <c>&lt;base&gt;/artifacts/iam/&lt;appName&gt;.required-permissions.json</c> when the stack is
/// synthesized (base: see <see cref="ArtifactsDirectory"/>) and adds two stack outputs: the file's path relative to
/// the base, and the statements as JSON with the deployed ARNs (or, above CloudFormation's 4 KB output limit, a
/// pointer to the file).
/// </summary>
internal sealed partial class RequiredPermissionsReport : Construct
{
    private readonly List<RequiredPermissionsRecorder> _recorders = [];

    private RequiredPermissionsReport(Stack stack, string id, string appName) : base(stack, id)
    {
        AppName = appName;
        RelativePath = $"artifacts/iam/{appName}.required-permissions.json";

        FileOutput = new CfnOutput(this, "File", new CfnOutputProps
        {
            Value = RelativePath,
            Description = $"IAM statements the supplied roles of {appName} need; file written at synth, relative to the CDK app directory",
        });
        StatementsOutput = new CfnOutput(this, "Statements", new CfnOutputProps
        {
            Value = Lazy.UncachedString(new StatementsProducer(this)),
            Description = $"IAM statements the supplied roles of {appName} need, with deployed ARNs (JSON, keyed by function)",
        });
        Node.AddValidation(new WriteReportOnSynth(this));
    }

    public string AppName { get; }

    /// <summary>Path of the report relative to the artifacts base directory.</summary>
    public string RelativePath { get; }

    public CfnOutput FileOutput { get; }

    public CfnOutput StatementsOutput { get; }

    /// <summary>Absolute path the report was (or will be) written to.</summary>
    public string FilePath => Path.Combine(ArtifactsDirectory.BaseFor(this), RelativePath);

    public IReadOnlyList<RequiredPermissionsRecorder> Recorders => _recorders;

    public static RequiredPermissionsReport For(Stack stack, string appName)
    {
        var safeName = SafeFileName(appName);
        var id = $"RequiredPermissions-{safeName}";
        return stack.Node.TryFindChild(id) as RequiredPermissionsReport ?? new RequiredPermissionsReport(stack, id, safeName);
    }

    public static string SafeFileName(string name) => UnsafeCharacters().Replace(name, "-");

    public void Register(RequiredPermissionsRecorder recorder)
    {
        if (_recorders.Any(r => r.FunctionLabel == recorder.FunctionLabel))
            throw new ArgumentException(
                $"functionLabel '{recorder.FunctionLabel}' is already used in the required-permissions report of '{AppName}'; " +
                "give each function of an app its own label.", nameof(recorder));
        _recorders.Add(recorder);
    }

    /// <summary>The report document, with resource ARNs as CloudFormation expressions.</summary>
    public string RenderJson()
    {
        var stack = Stack.Of(this);
        var functions = _recorders.Select(r => new RequiredPermissionsDocument.FunctionEntry(
            r.FunctionLabel, r.Node.Path, r.Statements.Select(s => ResolveToJson(stack, s.ToStatementJson())).ToList()));
        var outputLogicalId = stack.Resolve(StatementsOutput.LogicalId)?.ToString() ?? StatementsOutput.Node.Id;
        var document = RequiredPermissionsDocument.Build(AppName, stack.StackName, outputLogicalId, functions);
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonElement ResolveToJson(Stack stack, object value) =>
        JsonSerializer.SerializeToElement(stack.Resolve(value));

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();

    private sealed class WriteReportOnSynth(RequiredPermissionsReport report) : DeputyBase, IValidation
    {
        public string[] Validate()
        {
            var path = report.FilePath;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, report.RenderJson() + "\n");
                return [];
            }
            catch (IOException e)
            {
                return [$"Cannot write the required-permissions report of '{report.AppName}' to {path}: {e.Message}"];
            }
            catch (UnauthorizedAccessException e)
            {
                return [$"Cannot write the required-permissions report of '{report.AppName}' to {path}: {e.Message}"];
            }
        }
    }

    private sealed class StatementsProducer(RequiredPermissionsReport report) : DeputyBase, IStringProducer
    {
        public string? Produce(IResolveContext context)
        {
            var stack = Stack.Of(report);
            var byFunction = report._recorders
                .OrderBy(r => r.FunctionLabel, StringComparer.Ordinal)
                .ToDictionary(r => r.FunctionLabel, r => (object)r.Statements.Select(s => s.ToStatementJson()).ToArray());
            var estimate = RequiredPermissionsDocument.EstimateDeployedLength(ResolveToJson(stack, byFunction));
            if (estimate > RequiredPermissionsDocument.OutputValueLimit)
                return $"Too large for a stack output (about {estimate} characters); see {report.RelativePath} written at synth.";
            return stack.ToJsonString(byFunction);
        }
    }
}
