using System.Diagnostics;

namespace Serverless.WebApp.TestSupport.RuntimeApi;

/// <summary>A published app directory and how to start it as a process.</summary>
public sealed record PublishedApp(string Directory, string AssemblyName, PublishMode Mode)
{
    /// <summary>What <c>dotnet publish</c> printed (standard output, then standard error), for tests that read its warnings.</summary>
    public string PublishLog { get; init; } = "";

    /// <summary><c>dotnet &lt;dir&gt;/App.dll</c> for framework-dependent, <c>&lt;dir&gt;/bootstrap</c> otherwise.</summary>
    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment)
    {
        var info = Mode == PublishMode.FrameworkDependent
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(Directory, AssemblyName + ".dll") } }
            : new ProcessStartInfo(Path.Combine(Directory, "bootstrap"));
        info.WorkingDirectory = Directory;
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // A developer's shell may point at a real Lambda or a Kestrel URL: only what the caller passes counts.
        info.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return info;
    }

    /// <summary>Bytes of every file in the directory.</summary>
    public long SizeOnDisk() => new DirectoryInfo(Directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
