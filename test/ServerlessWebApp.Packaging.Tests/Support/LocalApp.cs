using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Packaging.Tests.Support;

/// <summary>
/// A generated app running on Kestrel as `dotnet run` starts it on a developer's machine. <see cref="StartAsync"/>
/// returns once Kestrel says where it listens (the line it logs), so the test never guesses when the app is up.
/// </summary>
public sealed partial class LocalApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LocalApp(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<LocalApp> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout,
        params string[] arguments)
    {
        var info = CommandLine.StartInfo(workingDirectory, environment, "dotnet", arguments);
        var app = new LocalApp(new Process { StartInfo = info, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (app._output) app._output.AppendLine(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
        app._process.OutputDataReceived += OnLine;
        app._process.ErrorDataReceived += OnLine;
        app._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The app exited before it listened:\n{app.Output}"));
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            app.Address = await listening.Task.WaitAsync(timeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
