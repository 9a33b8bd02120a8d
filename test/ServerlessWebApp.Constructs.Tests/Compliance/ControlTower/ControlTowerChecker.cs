using System.Text.Json;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>
/// Runs test/compliance/controltower.js: every AWS Control Tower proactive control (npm
/// <c>@cdklabs/cdk-validator-cfnguard</c>, <c>rules/control-tower/</c>) that applies to a template, with the cfn-guard
/// binary that package ships. One run checks any number of templates.
/// </summary>
public static class ControlTowerChecker
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(3);

    public static ControlTowerReport Run(params string[] templatePaths)
    {
        var (exitCode, stdout, stderr) = ComplianceTools.RunNode("controltower.js", ["--json", .. templatePaths], CheckTimeout);
        if (exitCode is not (0 or 1))
            throw new InvalidOperationException($"controltower.js could not check {string.Join(", ", templatePaths)} (exit {exitCode}):\n{stderr}{stdout}");
        return JsonSerializer.Deserialize<ControlTowerReport>(stdout)
               ?? throw new InvalidOperationException($"controltower.js printed no report:\n{stdout}\n{stderr}");
    }
}
