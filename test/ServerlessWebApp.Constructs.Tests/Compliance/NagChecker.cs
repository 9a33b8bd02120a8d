using System.Text.Json;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>Runs test/compliance/nag.js (cdk-nag AwsSolutions + Serverless) over templates.</summary>
internal static class NagChecker
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Checks the templates and returns every finding, suppressed or not.</summary>
    public static ComplianceReport Run(params string[] templatePaths)
    {
        var (exitCode, stdout, stderr) = ComplianceTools.RunNode("nag.js", ["--json", .. templatePaths], CheckTimeout);
        if (exitCode is not (0 or 1))
            throw new InvalidOperationException($"nag.js could not check {string.Join(", ", templatePaths)} (exit {exitCode}):\n{stderr}{stdout}");
        return JsonSerializer.Deserialize<ComplianceReport>(stdout)
               ?? throw new InvalidOperationException($"nag.js printed no report:\n{stdout}\n{stderr}");
    }
}
