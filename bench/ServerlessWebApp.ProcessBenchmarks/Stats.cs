namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>Median and p90 (nearest rank) of a sample of durations in milliseconds.</summary>
internal sealed record Stats(int Count, double Median, double P90, double Min, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No measurements.", nameof(values));
        var sorted = values.Order().ToArray();
        return new Stats(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[0], sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (p == 0.5 && sorted.Length % 2 == 0) return (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
