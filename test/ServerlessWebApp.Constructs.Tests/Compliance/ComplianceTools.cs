using Serverless.WebApp.TestSupport;
using System.Diagnostics;
using System.Text.Json;

namespace Serverless.WebApp.Constructs.Tests.Compliance;

/// <summary>
/// The Node checkers in test/compliance (cdk-nag's <c>nag.js</c>, the Control Tower <c>controltower.js</c>): installs
/// their pinned npm packages with <c>npm ci</c> once per test run when any is missing or at another version (CI starts
/// from a clean clone), and runs them.
/// </summary>
internal static class ComplianceTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> InstalledTool = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ToolDirectory => Path.Combine(RepositoryPaths.Root, "test", "compliance");

    /// <summary>Runs <c>node &lt;script&gt; &lt;arguments&gt;</c> in test/compliance, installing its packages first if needed.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunNode(string script, IEnumerable<string> arguments, TimeSpan timeout) =>
        Execute("node", [script, .. arguments], InstalledTool.Value, timeout);

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

    /// <summary>Installed when every dependency is present at the version package.json pins (a stale install is redone).</summary>
    private static bool IsInstalled(string tool)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(tool, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installed = Path.Combine(tool, "node_modules", dependency.Name, "package.json");
            if (!File.Exists(installed)) return false;
            using var package = JsonDocument.Parse(File.ReadAllText(installed));
            if (package.RootElement.GetProperty("version").GetString() != dependency.Value.GetString()) return false;
        }
        return true;
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
