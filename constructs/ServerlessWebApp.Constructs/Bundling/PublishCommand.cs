namespace ServerlessWebApp.Constructs.Bundling;

/// <summary>The <c>dotnet publish</c> arguments for a publish target: described once, pure, testable.</summary>
internal static class PublishCommand
{
    public static IReadOnlyList<string> Arguments(string projectPath, string outputDirectory, PublishTarget target)
    {
        var args = new List<string>
        {
            "publish", projectPath,
            "--configuration", "Release",
            "--output", outputDirectory,
            // Own bin/obj, so a publish at synth never races an IDE, a test run or another publish of the same projects.
            "--artifacts-path", ArtifactsPath(projectPath, target),
            "--nologo",
            // Build servers would outlive synth and hold the output pipes open.
            "--disable-build-servers",
            "-p:GenerateDocumentationFile=false",
        };
        switch (target.Mode)
        {
            case PublishMode.FrameworkDependent:
                // Still framework-dependent, but for the function's platform only: without a runtime identifier NuGet
                // packages ship native files for every OS and CPU (e.g. 33 MB of SQLite builds) into the bundle.
                args.AddRange(new[] { "--runtime", target.RuntimeIdentifier, "--self-contained", "false", "-p:UseAppHost=false" });
                break;
            case PublishMode.ReadyToRun:
                args.AddRange(new[] { "--runtime", target.RuntimeIdentifier, "--self-contained", "true", "-p:PublishReadyToRun=true" });
                break;
            case PublishMode.NativeAot:
                args.AddRange(new[] { "--runtime", target.RuntimeIdentifier, "-p:PublishAot=true", "-p:StripSymbols=true" });
                break;
        }
        return args;
    }

    /// <summary>A build folder per project and target, kept between synths so a republish is incremental.</summary>
    internal static string ArtifactsPath(string projectPath, PublishTarget target)
    {
        var key = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetFullPath(projectPath)}|{target}"));
        return Path.Combine(Path.GetTempPath(), "serverlesswebapp-publish", Convert.ToHexString(key)[..16].ToLowerInvariant());
    }
}
