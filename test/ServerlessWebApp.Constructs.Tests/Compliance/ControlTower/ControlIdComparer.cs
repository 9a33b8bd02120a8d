namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>Orders control ids as people read them: <c>CT.S3.PR.2</c> before <c>CT.S3.PR.10</c>.</summary>
public sealed class ControlIdComparer : IComparer<string>
{
    public static ControlIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n)
                ? m.CompareTo(n)
                : string.CompareOrdinal(a[i], b[i]);
            if (order != 0) return order;
        }
        return a.Length.CompareTo(b.Length);
    }
}
