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
            "--nologo",
            // Build servers would outlive synth and hold the output pipes open.
            "--disable-build-servers",
            "-p:GenerateDocumentationFile=false",
        };
        switch (target.Mode)
        {
            case PublishMode.FrameworkDependent:
                args.AddRange(new[] { "-p:UseAppHost=false" });
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
}
