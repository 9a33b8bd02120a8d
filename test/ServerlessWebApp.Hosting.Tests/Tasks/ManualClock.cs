namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>A clock tests move by hand; starts at the real time.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
