namespace Serverless.WebApp.Constructs.Bundling;

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
            // No MSBuild worker node or Razor server outlives synth (nor the MSBuild server: DotnetPublishBundling turns it
            // off). The C# compiler server stays allowed, as in every dotnet build: one already warm from building the CDK
            // app compiles the app in a fraction of a cold compiler's time, and it takes standard streams of its own, so
            // synth's output pipes close when the publish exits. It stops after ten idle minutes.
            "-nodeReuse:false",
            "-p:UseRazorBuildServer=false",
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

    /// <summary>
    /// MSBuild properties the publish gets as defaults: passed as environment variables, which MSBuild reads as
    /// properties that the project file can still set otherwise (a <c>-p:</c> argument would override the project).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultProperties(PublishTarget target)
    {
        var properties = new Dictionary<string, string>();
        if (target.Mode == PublishMode.FrameworkDependent)
        {
            // The app's own assemblies and its NuGet packages are IL only; the shared framework is already ReadyToRun.
            // Precompiling them for the function's platform takes most JIT work out of the cold start while the app
            // still runs, untrimmed, on the managed runtime (docs/benchmarks.md, publish modes).
            properties[ReadyToRun] = "true";
        }
        if (target.Mode != PublishMode.NativeAot && !target.IsArm64)
        {
            // Lambda's x86_64 CPUs all have AVX2: precompiling for that baseline lets ReadyToRun include the code that
            // depends on it (Vector<T>, Vector256 paths), about 100 methods the sample otherwise JIT-compiles at start.
            // On a CPU without AVX2 the runtime would not use the precompiled code and would JIT it instead.
            properties[ReadyToRunCompilerArguments] = "--instruction-set:x86-64-v3";
        }
        return properties;
    }

    internal const string ReadyToRun = "PublishReadyToRun";

    internal const string ReadyToRunCompilerArguments = "PublishReadyToRunCrossgen2ExtraArgs";

    /// <summary>
    /// Puts the <see cref="DefaultProperties"/> into a publish process's environment. A value already there is the
    /// user's own choice for every build on this machine, so it stays.
    /// </summary>
    public static void AddDefaultProperties(IDictionary<string, string?> environment, PublishTarget target)
    {
        foreach (var (name, value) in DefaultProperties(target)) environment.TryAdd(name, value);
    }

    /// <summary>
    /// A build folder per project, target and default properties, kept between synths so a republish is incremental.
    /// The properties are part of the key because MSBuild's up-to-date checks do not see properties that arrive from the
    /// environment: a changed default in the same folder would leave the previous ReadyToRun image in place.
    /// </summary>
    internal static string ArtifactsPath(string projectPath, PublishTarget target)
    {
        var defaults = string.Join(";", DefaultProperties(target).Select(property => $"{property.Key}={property.Value}"));
        var key = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetFullPath(projectPath)}|{target}|{defaults}"));
        return Path.Combine(Path.GetTempPath(), "serverlesswebapp-publish", Convert.ToHexString(key)[..16].ToLowerInvariant());
    }
}
