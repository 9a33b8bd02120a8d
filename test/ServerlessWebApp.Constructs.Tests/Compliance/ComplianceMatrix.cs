using System.Diagnostics;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.CXAPI;
using Serverless.WebApp.Constructs.Compliance;
using Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Synthesizes every configuration of <see cref="ComplianceConfigurations.All"/> once, with
/// <see cref="NoWildcardActionsAspect"/> applied, writes the templates to artifacts/compliance and checks them with one
/// cdk-nag run, and with the Control Tower controls as they are written. Built on first use and shared by every test
/// that needs it (<see cref="Instance"/>).
/// </summary>
public sealed class ComplianceMatrix
{
    private static readonly Lazy<ComplianceMatrix> Shared = new(() => new ComplianceMatrix(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ComplianceMatrix Instance => Shared.Value;

    private ComplianceMatrix()
    {
        var clock = Stopwatch.StartNew();
        var stacks = new List<(string, Stack)>();
        foreach (var configuration in ComplianceConfigurations.All)
        {
            var stack = configuration.Build();
            Aspects.Of(stack).Add(new NoWildcardActionsAspect());
            stacks.Add((configuration.Name, stack));
        }
        var controlTower = new ControlTowerBackgroundCheck();
        IReadOnlyDictionary<string, string> paths;
        try
        {
            paths = ComplianceGate.WriteTemplates(stacks, ComplianceGate.ArtifactsDirectory, controlTower.Add);
        }
        catch
        {
            controlTower.Abandon();
            throw;
        }
        SynthesisTime = clock.Elapsed;

        (var reports, NagTime) = Timed(() => ComplianceGate.CheckAll(paths));
        (ControlTower, ControlTowerWait) = Timed(controlTower.Complete);
        (ControlTowerTime, ControlTowerRuns) = (controlTower.RunTime, controlTower.Runs);
        Results = stacks.ToDictionary(s => s.Item1, s => new Result(s.Item2, reports[s.Item1]), StringComparer.Ordinal);
        TotalTime = clock.Elapsed;
    }

    private static (T Value, TimeSpan Time) Timed<T>(Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        return (run(), clock.Elapsed);
    }

    /// <summary>Building, synthesizing and writing every template (the checks excluded).</summary>
    public TimeSpan SynthesisTime { get; }

    /// <summary>Synthesis plus the cdk-nag run and the wait for the last Control Tower run.</summary>
    public TimeSpan TotalTime { get; }

    /// <summary>The one cdk-nag run over all templates.</summary>
    public TimeSpan NagTime { get; }

    /// <summary>The Control Tower runs over all templates, together (they overlap synthesis and cdk-nag).</summary>
    public TimeSpan ControlTowerTime { get; }

    /// <summary>How many Control Tower runs checked the templates (each takes what was written since the last began).</summary>
    public int ControlTowerRuns { get; }

    /// <summary>What the Control Tower check added to the matrix's time: the wait for its last run after cdk-nag ended.</summary>
    public TimeSpan ControlTowerWait { get; }

    /// <summary>Every Control Tower control that applies to each configuration's template, and its failures.</summary>
    public ControlTowerReport ControlTower { get; }

    public IReadOnlyDictionary<string, Result> Results { get; }

    public Result this[string configuration] => Results[configuration];

    /// <summary>One configuration: its stack, its cdk-nag report and its template (parsed).</summary>
    public sealed class Result(Stack stack, ComplianceReport report)
    {
        private readonly Lazy<JsonDocument> _template = new(() => JsonDocument.Parse(File.ReadAllText(report.TemplatePath)));

        public Stack Stack { get; } = stack;

        public ComplianceReport Report { get; } = report;

        public JsonElement Template => _template.Value.RootElement;

        /// <summary>Resources by logical id.</summary>
        public IEnumerable<(string LogicalId, JsonElement Resource)> Resources =>
            Template.TryGetProperty("Resources", out var resources)
                ? resources.EnumerateObject().Select(r => (r.Name, r.Value))
                : [];

        public IEnumerable<(string LogicalId, JsonElement Resource)> ResourcesOfType(string type) =>
            Resources.Where(r => TypeOf(r.Resource) == type);

        public string? TypeOf(string logicalId) =>
            Template.GetProperty("Resources").TryGetProperty(logicalId, out var resource) ? TypeOf(resource) : null;

        /// <summary>Error annotations of the synthesized stack (the stage's synthesis is cached, so this does not synthesize again).</summary>
        public IReadOnlyList<string> SynthesisErrors =>
            Stage.Of(Stack)!.Synth().GetStackArtifact(Stack.ArtifactId).Messages
                .Where(m => m.Level == SynthesisMessageLevel.ERROR)
                .Select(m => $"{m.Id}: {m.Entry.Data}")
                .ToList();

        private static string? TypeOf(JsonElement resource) =>
            resource.TryGetProperty("Type", out var type) ? type.GetString() : null;
    }
}
