using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>
/// A child process (the published app) whose output is kept for diagnostics and which is always killed, with its
/// whole tree, on dispose.
/// </summary>
public sealed class RuntimeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _disposed;

    private RuntimeProcess(Process process, long startTimestamp)
    {
        _process = process;
        StartTimestamp = startTimestamp;
    }

    /// <summary><see cref="Stopwatch"/> timestamp taken just before <see cref="Process.Start()"/>.</summary>
    public long StartTimestamp { get; }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything written to stdout and stderr so far, one line per entry.</summary>
    public string Output => string.Join('\n', _output);

    public static RuntimeProcess Start(ProcessStartInfo info)
    {
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var start = Stopwatch.GetTimestamp();
        if (!process.Start()) throw new InvalidOperationException($"Could not start {info.FileName}.");
        var runtime = new RuntimeProcess(process, start);
        if (info.RedirectStandardOutput)
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) runtime._output.Enqueue(e.Data); };
            process.BeginOutputReadLine();
        }
        if (info.RedirectStandardError)
        {
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) runtime._output.Enqueue(e.Data); };
            process.BeginErrorReadLine();
        }
        return runtime;
    }

    /// <summary>Completes when the process has exited.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Resident set size from <c>/proc/&lt;pid&gt;/status</c> (Linux), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"No VmRSS in /proc/{_process.Id}/status.");
    }

    /// <summary>What the process has mapped (<c>/proc/&lt;pid&gt;/maps</c>, Linux): its executable and every shared library.</summary>
    public string MappedFiles() => File.ReadAllText($"/proc/{_process.Id}/maps");

    /// <summary>
    /// CPU time the process's live threads have run so far (Linux <c>/proc/&lt;pid&gt;/task/*/schedstat</c>, in
    /// nanoseconds): the work done, whatever the process waited for a CPU on a busy machine.
    /// </summary>
    public TimeSpan CpuTime()
    {
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                nanoseconds += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the thread ended between listing and reading
            }
        }
        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    /// <summary>Sends SIGTERM (graceful stop) and waits up to <paramref name="timeout"/> for the exit.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_process.HasExited) return true;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync(cancellationToken);
        try
        {
            await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Kills the process tree at once, as a crash or an out-of-memory kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(grace.Token); }
        catch (OperationCanceledException) { /* nothing more we can do: Kill was sent */ }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await KillAsync();
        _process.Dispose();
    }
}
