using System.Diagnostics;
using System.Text;

namespace Serverless.WebApp.Packaging.Tests.Support;

/// <summary>Runs a command line to its end, as a user would in a terminal, and fails with its output when it fails.</summary>
public static class CommandLine
{
    /// <summary>The command line with its own environment on top of this process's, both output streams redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string fileName,
        IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return info;
    }

    public static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout,
        string fileName, params string[] arguments)
    {
        var info = StartInfo(workingDirectory, environment, fileName, arguments);
        info.RedirectStandardInput = true;

        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output)
            {
                output.AppendLine(e.Data);
                standardOutput.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', arguments)}` in {workingDirectory} did not finish within {timeout}:\n{output}");
        }
        lock (output)
        {
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"`{fileName} {string.Join(' ', arguments)}` in {workingDirectory} exited with {process.ExitCode}:\n{output}");
            }
            return new CommandResult(standardOutput.ToString(), output.ToString());
        }
    }
}

/// <summary>What a command printed: standard output alone, and both streams interleaved.</summary>
public sealed record CommandResult(string StandardOutput, string Output);
