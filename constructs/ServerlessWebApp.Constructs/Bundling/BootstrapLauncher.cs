namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>Makes a self-contained publish output start on <c>provided.al2023</c>, which runs <c>./bootstrap</c>.</summary>
internal static class BootstrapLauncher
{
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static void Install(string outputDirectory, string assemblyName, PublishMode mode)
    {
        var bootstrap = Path.Combine(outputDirectory, PublishTarget.BootstrapFileName);
        var executable = Path.Combine(outputDirectory, assemblyName);
        if (File.Exists(bootstrap) && !File.Exists(executable))
        {
            // The app's own publish already named its executable bootstrap (as FoundryService's LambdaBootstrap.targets does).
            DeleteDebugSymbols(outputDirectory, mode);
            MarkExecutable(bootstrap);
            return;
        }
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"dotnet publish produced no executable '{assemblyName}' in {outputDirectory}; set AssemblyName if the project renames its output.");
        }

        if (mode == PublishMode.NativeAot)
        {
            File.Move(executable, bootstrap, overwrite: true);
            DeleteDebugSymbols(outputDirectory, mode);
        }
        else
        {
            // The apphost must keep its name: it finds <name>.dll beside it.
            File.WriteAllText(bootstrap, Script(assemblyName));
        }
        MarkExecutable(bootstrap);
    }

    internal static string Script(string assemblyName) =>
        "#!/bin/sh\n" +
        "# Starts the self-contained ReadyToRun app on provided.al2023.\n" +
        $"exec \"$LAMBDA_TASK_ROOT/{assemblyName}\" \"$@\"\n";

    private static void DeleteDebugSymbols(string outputDirectory, PublishMode mode)
    {
        if (mode != PublishMode.NativeAot) return;
        // Stripped debug symbols are twice the binary's size and never used in Lambda: keep the package small.
        foreach (var symbols in Directory.GetFiles(outputDirectory, "*.dbg")) File.Delete(symbols);
    }

    private static void MarkExecutable(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, Executable);
    }
}
