using Serverless.WebApp.TestSupport;
using System.Diagnostics;
using System.Text.Json;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// Runs test/compliance/nag.js (cdk-nag AwsSolutions + Serverless) over templates. Installs the checker's pinned npm
/// packages with <c>npm ci</c> once per test run when they are missing, since CI starts from a clean clone.
/// </summary>
internal static class NagChecker
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> InstalledTool = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ToolDirectory => Path.Combine(RepositoryPaths.Root, "test", "compliance");

    /// <summary>Checks the templates and returns every finding, suppressed or not.</summary>
    public static ComplianceReport Run(params string[] templatePaths)
    {
        var tool = InstalledTool.Value;
        var (exitCode, stdout, stderr) = Execute("node", ["nag.js", "--json", .. templatePaths], tool, CheckTimeout);
        if (exitCode is not (0 or 1))
            throw new InvalidOperationException($"nag.js could not check {string.Join(", ", templatePaths)} (exit {exitCode}):\n{stderr}{stdout}");
        return JsonSerializer.Deserialize<ComplianceReport>(stdout)
               ?? throw new InvalidOperationException($"nag.js printed no report:\n{stdout}\n{stderr}");
    }

    private static string Install()
    {
        var tool = ToolDirectory;
        if (!IsInstalled(tool))
        {
            var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            var (exitCode, stdout, stderr) = Execute(npm, ["ci", "--no-audit", "--no-fund"], tool, InstallTimeout);
            if (exitCode != 0 || !IsInstalled(tool))
                throw new InvalidOperationException($"npm ci in {tool} failed (exit {exitCode}):\n{stderr}{stdout}");
        }
        return tool;
    }

    /// <summary>Installed when cdk-nag is present at the version package.json pins (a stale install is redone).</summary>
    private static bool IsInstalled(string tool)
    {
        var installed = Path.Combine(tool, "node_modules", "cdk-nag", "package.json");
        if (!File.Exists(installed)) return false;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(tool, "package.json")));
        using var package = JsonDocument.Parse(File.ReadAllText(installed));
        return manifest.RootElement.GetProperty("dependencies").GetProperty("cdk-nag").GetString()
               == package.RootElement.GetProperty("version").GetString();
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string file, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout} in {workingDirectory}.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
