using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// The Control Tower gate over the configuration matrix: every configuration's template is checked against every AWS
/// Control Tower proactive control that applies to it, and what still fails is exactly the list in docs/security.md,
/// where each row names the prop that clears it and what that prop costs. A new failure fails the gate, and so does a
/// row no template needs any more.
/// </summary>
[Collection("cdk")]
public class ControlTowerGateTests(ITestOutputHelper output)
{
    private static ComplianceMatrix Matrix => ComplianceMatrix.Instance;

    public static TheoryData<string> Configurations => new(ComplianceConfigurations.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Configurations))]
    public void EveryControlThatAppliesToTheConfigurationIsDecided(string configuration)
    {
        // GIVEN the configuration's template, checked with the rest of the matrix
        var result = Matrix.ControlTower[configuration];
        var failures = Matrix.ControlTower.FailuresOf(configuration).ToList();
        output.WriteLine($"{configuration}: {result.Applicable.Count} controls apply, {result.Passed.Count} pass, {result.Failed.Count} fail " +
                         $"({failures.Count} resource(s)), {result.NotApplicable.Count} select no resource");
        output.WriteLine($"matrix: synthesis {Matrix.SynthesisTime.TotalSeconds:F1} s, cdk-nag {Matrix.NagTime.TotalSeconds:F1} s, " +
                         $"Control Tower {Matrix.ControlTowerRuns} run(s) {Matrix.ControlTowerTime.TotalSeconds:F1} s beside them, " +
                         $"waited for after cdk-nag {Matrix.ControlTowerWait.TotalSeconds:F1} s");
        foreach (var failure in failures) output.WriteLine($"  {WithConstructPath(failure)}");

        // THEN it is the template the matrix wrote, and controls apply to it
        Assert.Equal(Matrix[configuration].Report.TemplatePath, result.Template);
        Assert.NotEmpty(result.Applicable);
        // AND every control that applies passed, failed or selected none of its resources: exactly one of them
        Assert.Equal(result.Applicable.Order(), result.Passed.Concat(result.Failed).Concat(result.NotApplicable).Order());
        // AND each failed control names the template's resources that fail it
        foreach (var control in result.Failed)
        {
            var resources = failures.Where(f => f.Control == control).ToList();
            Assert.NotEmpty(resources);
            Assert.All(resources, f => Assert.Equal(Matrix[configuration].TypeOf(f.Resource), f.Type));
        }
        Assert.All(failures, f => Assert.Contains(f.Control, result.Failed));
    }

    [Fact]
    public void OrgStrictConfigurationsPassEveryControlThatApplies()
    {
        var strict = ComplianceConfigurations.All.Where(c => c.OrgStrict).ToList();
        Assert.NotEmpty(strict);
        foreach (var configuration in strict)
        {
            // GIVEN an organisation-strict configuration THEN no control that applies to its template fails
            var result = Matrix.ControlTower[configuration.Name];
            var failures = Matrix.ControlTower.FailuresOf(configuration.Name).Select(WithConstructPath).ToList();
            Assert.True(failures.Count == 0,
                $"{configuration}: {failures.Count} Control Tower failure(s):\n  {string.Join("\n  ", failures)}");
            // AND the controls of every kind of resource it holds ran: queues, table, buckets, key, log groups, functions and permissions
            foreach (var control in new[] { "CT.SQS.PR.1", "CT.SQS.PR.2", "CT.DYNAMODB.PR.2", "CT.S3.PR.2", "CT.S3.PR.9", "CT.S3.PR.10", "CT.KMS.PR.1", "CT.KMS.PR.3", "CT.CLOUDWATCH.PR.2", "CT.CLOUDWATCH.PR.3", "CT.LAMBDA.PR.2", "CT.LAMBDA.PR.3" })
                Assert.Contains(control, result.Passed);
        }
    }

    [Fact]
    public void WhatStillFailsIsExactlyTheDocumentedList()
    {
        // GIVEN the failures of every configuration, grouped by control and resource type, and the list in docs/security.md
        var documented = ControlTowerFailureList.Load();
        var found = Found(documented);

        // THEN each failure is listed with exactly the configurations that have it, and each row is still needed
        var hint = $"\nThe table the templates need (check each row before copying it into {ControlTowerFailureList.DocumentPath}; fill in what clears it and what that costs):\n" +
                   $"{ControlTowerFailureList.TableHeader}\n| --- | --- | --- | --- | --- |\n{string.Join("\n", found.Select(f => f.ToMarkdownRow()))}";
        foreach (var failure in found)
        {
            var row = documented.FirstOrDefault(d => d.Key == failure.Key);
            var examples = string.Join("\n  ", Matrix.ControlTower.Failures
                .Where(f => f.Control == failure.Control && f.Type == failure.ResourceType).Take(5).Select(WithConstructPath));
            Assert.True(row is not null, $"New Control Tower failure: {failure.Key} in {string.Join(", ", failure.Configurations)}:\n  {examples}{hint}");
            Assert.True(row.Configurations.SequenceEqual(failure.Configurations),
                $"{failure.Key}: docs list [{string.Join(", ", row.Configurations)}], the templates fail in [{string.Join(", ", failure.Configurations)}].\n  {examples}{hint}");
        }
        foreach (var row in documented)
            Assert.True(found.Any(f => f.Key == row.Key), $"docs/security.md lists a Control Tower failure no configuration has any more: {row.Key}.{hint}");
    }

    [Fact]
    public void EveryListedFailureSaysWhichPropClearsItAndWhatThatCosts()
    {
        foreach (var row in ControlTowerFailureList.Load())
        {
            Assert.False(string.IsNullOrWhiteSpace(row.ClearedBy), $"{row.Key}: say which prop clears it (or why none does)");
            Assert.Contains("$", row.Cost);
        }
    }

    /// <summary>The failure with the construct path of its resource, so it names the construct that made it.</summary>
    private static ControlTowerFailure WithConstructPath(ControlTowerFailure failure) =>
        string.IsNullOrEmpty(failure.Path) && ConstructPaths.GetOrAdd(failure.Configuration, c => ComplianceGate.ConstructPaths(Matrix[c].Stack)).TryGetValue(failure.Resource, out var path)
            ? failure with { Path = path }
            : failure;

    private static readonly ConcurrentDictionary<string, Dictionary<string, string>> ConstructPaths = new(StringComparer.Ordinal);

    /// <summary>The matrix's failures as the docs table lists them, with the docs' own text where a row exists.</summary>
    private static IReadOnlyList<DocumentedControlTowerFailure> Found(IReadOnlyList<DocumentedControlTowerFailure> documented) =>
        Matrix.ControlTower.Failures
            .GroupBy(f => (f.Control, f.Type))
            .Select(g =>
            {
                var row = documented.FirstOrDefault(d => d.Control == g.Key.Control && d.ResourceType == g.Key.Type);
                var configurations = g.Select(f => f.Configuration).Distinct().Order(StringComparer.Ordinal).ToList();
                return new DocumentedControlTowerFailure(g.Key.Control, g.Key.Type, configurations, row?.ClearedBy ?? "?", row?.Cost ?? "?");
            })
            .OrderBy(f => f.Control, ControlIdComparer.Instance).ThenBy(f => f.ResourceType, StringComparer.Ordinal)
            .ToList();
}
