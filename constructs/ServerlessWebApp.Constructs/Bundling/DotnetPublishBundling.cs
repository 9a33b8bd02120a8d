using System.Diagnostics;
using System.Text;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>
/// CDK local bundling that runs <c>dotnet publish</c> on this machine (no Docker). CDK calls it only when the
/// asset hash has no staged output yet; a failing publish throws with the compiler's own output, which stops synth.
/// </summary>
internal sealed class DotnetPublishBundling : DeputyBase, ILocalBundling
{
    private readonly string _projectPath;
    private readonly string _assemblyName;
    private readonly PublishTarget _target;

    public DotnetPublishBundling(string projectPath, string assemblyName, PublishTarget target)
    {
        _projectPath = projectPath;
        _assemblyName = assemblyName;
        _target = target;
    }

    /// <summary>How many times CDK asked this bundler to publish (0 when the staged asset was reused).</summary>
    internal int PublishCount { get; private set; }

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        PublishCount++;
        var arguments = PublishCommand.Arguments(_projectPath, outputDir, _target);
        var (exitCode, output) = Run("dotnet", arguments, _target);
        if (exitCode != 0 && PublishFailure.IsToolCrash(output))
        {
            // A compiler killed by a signal (crossgen2 once died with SIGBUS while another publish ran beside it) is
            // not a fault of the app: publish once more in the same build folder, which redoes only the failed step.
            var (retryExitCode, retryOutput) = Run("dotnet", arguments, _target);
            (exitCode, output) = (retryExitCode, retryExitCode == 0 ? retryOutput : $"{output}{System.Environment.NewLine}Retried once:{System.Environment.NewLine}{retryOutput}");
        }
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish of {_projectPath} ({_target}) failed with exit code {exitCode}:{System.Environment.NewLine}{output}");
        }
        if (_target.IsSelfContained) BootstrapLauncher.Install(outputDir, _assemblyName, _target.Mode);
        return true;
    }

    private static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, PublishTarget target)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The MSBuild server would outlive synth (newer SDKs start it by default).
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        PublishCommand.AddDefaultProperties(start.Environment, target);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
