using Serverless.WebApp.TestSupport;
using System.Text.RegularExpressions;
using Amazon.CDK;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// The compliance gate of the test suite: synthesizes a named configuration, writes its template to
/// <c>artifacts/compliance/&lt;configuration&gt;.template.json</c> and fails the test on any unsuppressed cdk-nag
/// AwsSolutions or Serverless error or warning, printing rule, resource and configuration. Call it from a test in
/// <c>[Collection("cdk")]</c>: <c>ComplianceGate.Check("defaults", stack);</c>
/// </summary>
public static partial class ComplianceGate
{
    /// <summary>Where <see cref="Check"/> writes templates: <c>&lt;repo root&gt;/artifacts/compliance</c>.</summary>
    public static string ArtifactsDirectory => Path.Combine(RepositoryPaths.Root, "artifacts", "compliance");

    /// <summary>Fails the calling test when the configuration has an unsuppressed finding; returns the report otherwise.</summary>
    public static ComplianceReport Check(string configuration, Stack stack)
    {
        var report = Run(configuration, stack, ArtifactsDirectory);
        FailOnFindings(configuration, stack, report);
        return report;
    }

    /// <summary>Fails the calling test with one line per unsuppressed finding.</summary>
    public static void FailOnFindings(string configuration, Stack stack, ComplianceReport report)
    {
        if (report.Findings.Count > 0) Assert.Fail(Describe(configuration, stack, report));
    }

    /// <summary>Synthesizes and checks without failing: for tests about the gate itself.</summary>
    public static ComplianceReport Run(string configuration, Stack stack, string directory)
    {
        if (!ConfigurationName().IsMatch(configuration))
            throw new ArgumentException($"configuration '{configuration}' must be a file name of letters, digits, '.', '-' or '_'.", nameof(configuration));

        var templatePath = WriteTemplate(stack, Path.Combine(directory, $"{configuration}.template.json"));
        return NagChecker.Run(templatePath) with { TemplatePath = templatePath };
    }

    /// <summary>
    /// Writes every configuration's template to <paramref name="directory"/> and checks them all in ONE run of the
    /// checker (one Node start instead of one per configuration); returns each configuration's report, without failing.
    /// </summary>
    public static IReadOnlyDictionary<string, ComplianceReport> RunAll(IReadOnlyList<(string Configuration, Stack Stack)> configurations, string directory) =>
        CheckAll(WriteTemplates(configurations, directory));

    /// <summary>
    /// Writes every configuration's template to <paramref name="directory"/>, calling <paramref name="written"/> with
    /// each path as soon as it is written; returns the paths by configuration.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WriteTemplates(
        IReadOnlyList<(string Configuration, Stack Stack)> configurations, string directory, Action<string>? written = null)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (configuration, stack) in configurations)
        {
            if (!ConfigurationName().IsMatch(configuration))
                throw new ArgumentException($"configuration '{configuration}' must be a file name of letters, digits, '.', '-' or '_'.", nameof(configurations));
            if (paths.ContainsKey(configuration))
                throw new ArgumentException($"configuration '{configuration}' is listed twice.", nameof(configurations));
            paths[configuration] = WriteTemplate(stack, Path.Combine(directory, $"{configuration}.template.json"));
            written?.Invoke(paths[configuration]);
        }
        return paths;
    }

    /// <summary>Checks written templates (configuration to path) in one cdk-nag run; returns each configuration's report.</summary>
    public static IReadOnlyDictionary<string, ComplianceReport> CheckAll(IReadOnlyDictionary<string, string> paths)
    {
        var all = NagChecker.Run([.. paths.Values]);
        return paths.ToDictionary(
            p => p.Key,
            p => new ComplianceReport(
                all.Findings.Where(f => f.Configuration == p.Key).ToList(),
                all.Suppressed.Where(f => f.Configuration == p.Key).ToList()) { TemplatePath = p.Value },
            StringComparer.Ordinal);
    }

    /// <summary>Synthesizes the stack's stage and copies the stack's template to <paramref name="path"/>.</summary>
    public static string WriteTemplate(Stack stack, string path)
    {
        var stage = Stage.Of(stack) ?? throw new InvalidOperationException($"Stack {stack.Node.Path} is not in an App or Stage.");
        var assembly = stage.Synth();
        var artifact = assembly.GetStackArtifact(stack.ArtifactId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(assembly.Directory, artifact.TemplateFile), path, overwrite: true);
        return path;
    }

    private static string Describe(string configuration, Stack stack, ComplianceReport report)
    {
        var paths = ConstructPaths(stack);
        var lines = report.Findings.Select(f =>
            "  " + (string.IsNullOrEmpty(f.Path) && paths.TryGetValue(f.Resource, out var path) ? f with { Path = path } : f));
        return $"Compliance gate: configuration '{configuration}' has {report.Findings.Count} unsuppressed cdk-nag finding(s):\n" +
               string.Join("\n", lines) +
               $"\nTemplate: {report.TemplatePath}\n" +
               "Fix the default, or, only for a deliberate user choice, suppress on that resource with a reason " +
               "(in the construct's Nag/ folder, through NagAcknowledgement; see docs/security.md).";
    }

    /// <summary>Logical id to construct path, so a finding names the construct that made the resource.</summary>
    internal static Dictionary<string, string> ConstructPaths(Stack stack)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in stack.Node.FindAll())
        {
            if (node is CfnElement element && Stack.Of(element).Node.Path == stack.Node.Path && stack.Resolve(element.LogicalId) is string id)
                paths.TryAdd(id, element.Node.Path);
        }
        return paths;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ConfigurationName();
}
