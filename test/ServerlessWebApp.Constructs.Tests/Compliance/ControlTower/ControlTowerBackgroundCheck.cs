using System.Collections.Concurrent;
using System.Diagnostics;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// Checks templates while the rest of the matrix is still being synthesized: each run takes every template written
/// since the previous run began, so cfn-guard works on the second core while jsii synthesizes on the first, in as few
/// runs as keep up. <see cref="Complete"/> waits for the last run and merges the reports.
/// </summary>
public sealed class ControlTowerBackgroundCheck
{
    private readonly BlockingCollection<string> _written = new();
    private readonly Task<ControlTowerReport> _runs;

    public ControlTowerBackgroundCheck() => _runs = Task.Run(RunAsTemplatesArrive);

    /// <summary>Time spent in the checker's runs, all of them.</summary>
    public TimeSpan RunTime { get; private set; }

    /// <summary>How many runs it took.</summary>
    public int Runs { get; private set; }

    public void Add(string templatePath) => _written.Add(templatePath);

    /// <summary>No more templates: waits for the runs to finish and returns their merged report.</summary>
    public ControlTowerReport Complete()
    {
        _written.CompleteAdding();
        return _runs.GetAwaiter().GetResult();
    }

    /// <summary>Stops taking templates without waiting (the matrix failed before it wrote them all).</summary>
    public void Abandon() => _written.CompleteAdding();

    private ControlTowerReport RunAsTemplatesArrive()
    {
        var reports = new List<ControlTowerReport>();
        foreach (var first in _written.GetConsumingEnumerable())
        {
            var batch = new List<string> { first };
            while (_written.TryTake(out var next)) batch.Add(next);
            var clock = Stopwatch.StartNew();
            reports.Add(ControlTowerChecker.Run([.. batch]));
            RunTime += clock.Elapsed;
            Runs++;
        }
        return ControlTowerReport.Merge(reports);
    }
}
