using Serverless.WebApp.Hosting.Commands;

namespace Serverless.WebApp.Hosting.Tests.Support;

/// <summary>The console of a local <c>manage</c> or <c>invoke</c> run, recorded: output, error and exit code.</summary>
internal sealed class RecordingConsole
{
    private readonly StringWriter _output = new() { NewLine = "\n" };
    private readonly TextWriter _error;

    public RecordingConsole(TextWriter? error = null)
    {
        _error = error ?? new StringWriter { NewLine = "\n" };
        Console = new LocalCommandConsole(_output, _error, code => ExitCode = code);
    }

    public LocalCommandConsole Console { get; }
    public int? ExitCode { get; private set; }
    public string Output => _output.ToString();
    public string Error => _error.ToString() ?? "";
}
