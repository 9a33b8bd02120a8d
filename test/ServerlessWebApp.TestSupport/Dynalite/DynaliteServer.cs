using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Serverless.WebApp.TestSupport.Dynalite;

/// <summary>
/// Runs npm's <c>dynalite</c> (an in-memory DynamoDB) on a free loopback port. Installs it with <c>npm ci</c> from the
/// committed lock file when <c>node_modules</c> is missing, as on a fresh CI clone (a file lock keeps parallel test
/// processes from installing at once). Tables are ACTIVE at once.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private DynaliteServer(Process process, int port)
    {
        _process = process;
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The endpoint to use as the SDK's <c>ServiceURL</c>.</summary>
    public Uri ServiceUrl { get; }

    public static string PackageFolder =>
        Path.Combine(RepositoryPaths.Root, "test", "ServerlessWebApp.TestSupport", "Dynalite");

    public static async Task<DynaliteServer> StartAsync()
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var process = Start("node", PackageFolder, Path.Combine("node_modules", "dynalite", "cli.js"),
                "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await WaitForPortAsync(process, port).ConfigureAwait(false)) return new DynaliteServer(process, port);
            Stop(process);
            if (attempt == 3) throw new InvalidOperationException($"dynalite did not start on 127.0.0.1:{port} within {StartTimeout}.");
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        return ValueTask.CompletedTask;
    }

    private static async Task EnsureInstalledAsync()
    {
        var marker = Path.Combine(PackageFolder, "node_modules", "dynalite", "cli.js");
        if (File.Exists(marker)) return;
        using var installLock = await AcquireLockAsync(Path.Combine(PackageFolder, ".npm-ci.lock")).ConfigureAwait(false);
        if (File.Exists(marker)) return;
        using var npm = Start("npm", PackageFolder, "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().ConfigureAwait(false);
        if (npm.ExitCode != 0 || !File.Exists(marker))
        {
            throw new InvalidOperationException(
                $"npm ci in {PackageFolder} failed ({npm.ExitCode}): {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    private static Process Start(string fileName, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    }

    private static async Task<bool> WaitForPortAsync(Process process, int port)
    {
        var until = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }
}
