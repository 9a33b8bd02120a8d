namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The keep-warm ping (<c>KeepWarm</c>).</summary>
internal static class KeepWarmChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.KeepWarm is not { Rate: { } rate } keepWarm) return;
        if (keepWarm.Enabled == false)
            findings.Error("KeepWarm.Rate", "is set but KeepWarm.Enabled is false; allowed: KeepWarm.Rate only with the ping on");
        var ms = rate.ToMilliseconds();
        if (ms % 60_000 != 0 || ms < 60_000 || ms > 3_600_000)
            findings.Error("KeepWarm.Rate", $"{rate.ToHumanString()} is invalid; allowed: whole minutes from 1 to 60 (Lambda reclaims idle environments within minutes)");
    }
}
