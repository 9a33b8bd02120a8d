namespace Serverless.WebApp.Hosting.Commands;

/// <summary>Where a local <c>manage</c> run writes its output and errors, and how it reports its exit code.</summary>
internal sealed class LocalCommandConsole(TextWriter output, TextWriter error, Action<int> setExitCode)
{
    /// <summary>The process's standard output and error; the exit code becomes the process's.</summary>
    public static LocalCommandConsole Process() => new(Console.Out, Console.Error, code => Environment.ExitCode = code);

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public void SetExitCode(int exitCode) => setExitCode(exitCode);
}
