namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The static assets: <c>StaticAssetsPath</c> and <c>DeployStaticAssets</c>.</summary>
internal static class AssetsChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.StaticAssetsPath is null) return;
        if (props.DeployStaticAssets == false)
            findings.Error(nameof(props.StaticAssetsPath), "is set but DeployStaticAssets is false; allowed: one of them");
        else if (!Directory.Exists(props.StaticAssetsPath))
            findings.Error(nameof(props.StaticAssetsPath), $"'{Path.GetFullPath(props.StaticAssetsPath)}' does not exist; allowed: an existing folder of static files");
    }
}
