using System.Diagnostics;
using System.Text.Json;
using Amazon.CDK;
using Serverless.WebApp.Constructs;
using Serverless.WebApp.Constructs.Bundling;
using Serverless.WebApp.SynthBench.PublishModes;
using Serverless.WebApp.TestSupport;
using CdkArchitecture = Amazon.CDK.AWS.Lambda.Architecture;

// Usage: dotnet run --project bench/synth/PublishModes -- [--warm] [--skip-aot]
// Synthesizes the sample once per publish mode and architecture through the construct's real local bundling, from a
// cold build folder unless --warm, and checks the template (runtime, handler, architecture) and the bundle.
// With --print-build-folder it only prints the construct's build folder for the sample, framework-dependent on arm64
// (the synth benchmark's app), for bench/synth/run.sh to empty before a cold synth.
var warm = args.Contains("--warm");
var skipAot = args.Contains("--skip-aot");
var root = RepositoryPaths.Root;
var project = Path.Combine(root, "samples", "FoundryService", "FoundryService.csproj");
if (args.Contains("--print-build-folder"))
{
    Console.WriteLine(PublishCommand.ArtifactsPath(project, new PublishTarget(PublishMode.FrameworkDependent, CdkArchitecture.ARM_64)));
    return 0;
}
var work = Directory.CreateTempSubdirectory("swa-publish-modes").FullName;
var failures = new List<string>();

_ = new Stack(new App(new AppProps { Outdir = Path.Combine(work, "warmup") }), "Warmup"); // start jsii outside the timings

var cases = new List<ModeCase>
{
    new(PublishMode.FrameworkDependent, CdkArchitecture.ARM_64, "dotnet10", "FoundryService"),
    new(PublishMode.FrameworkDependent, CdkArchitecture.X86_64, "dotnet10", "FoundryService"),
    new(PublishMode.ReadyToRun, CdkArchitecture.X86_64, "provided.al2023", "bootstrap"),
    new(PublishMode.ReadyToRun, CdkArchitecture.ARM_64, "provided.al2023", "bootstrap"),
};
if (!skipAot) cases.Add(new(PublishMode.NativeAot, CdkArchitecture.X86_64, "provided.al2023", "bootstrap"));

Console.WriteLine($"| mode | architecture | synth incl. publish ({(warm ? "warm" : "cold")} build folder) | runtime | handler | bundle | checks |");
Console.WriteLine("|---|---|---:|---|---|---:|---|");
foreach (var mode in cases)
{
    if (!warm) DeleteBuildFolder(project, mode);
    var outdir = Path.Combine(work, $"{mode.Mode}-{mode.ArchitectureName}");
    var clock = Stopwatch.StartNew();
    var app = new App(new AppProps { Outdir = outdir });
    var stack = new Stack(app, "Modes");
    _ = new ServerlessWebApp(stack, "Foundry", new ServerlessWebAppProps
    {
        ProjectPath = project, PublishMode = mode.Mode, Architecture = mode.Architecture, PublicAccess = true,
    });
    app.Synth();
    var seconds = clock.Elapsed.TotalSeconds;

    var function = LambdaFunction(Path.Combine(outdir, "Modes.template.json"));
    var runtime = function.GetProperty("Runtime").GetString();
    var handler = function.GetProperty("Handler").GetString();
    var architecture = function.GetProperty("Architectures")[0].GetString();
    var bundle = Path.Combine(outdir, "asset." + function.GetProperty("Code").GetProperty("S3Key").GetString()![..^".zip".Length]);
    var problems = CheckBundle(mode, bundle).ToList();
    if (runtime != mode.Runtime) problems.Add($"Runtime {runtime}, expected {mode.Runtime}");
    if (handler != mode.Handler) problems.Add($"Handler {handler}, expected {mode.Handler}");
    if (architecture != mode.ArchitectureName) problems.Add($"Architectures [{architecture}], expected {mode.ArchitectureName}");
    failures.AddRange(problems.Select(p => $"{mode}: {p}"));
    Console.WriteLine($"| {mode.Mode} | {architecture} | {seconds:F1} s | {runtime} | {handler} | {BundleInspector.SizeOf(bundle) / 1048576.0:F1} MB | {(problems.Count == 0 ? "ok" : string.Join("; ", problems))} |");
}

CheckRefused(PublishMode.NativeAot, CdkArchitecture.ARM_64, "Architecture", failures);

Console.WriteLine();
foreach (var failure in failures) Console.WriteLine("FAIL " + failure);
Console.WriteLine(failures.Count == 0 ? "publish modes: all checks passed" : $"publish modes: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;

static IEnumerable<string> CheckBundle(ModeCase mode, string bundle)
{
    var bootstrap = Path.Combine(bundle, "bootstrap");
    switch (mode.Mode)
    {
        case PublishMode.FrameworkDependent:
            if (!File.Exists(Path.Combine(bundle, "FoundryService.dll"))) yield return "no FoundryService.dll";
            if (!File.Exists(Path.Combine(bundle, "FoundryService.runtimeconfig.json"))) yield return "no runtimeconfig.json";
            if (File.Exists(bootstrap)) yield return "a bootstrap in a managed-runtime bundle";
            if (Directory.Exists(Path.Combine(bundle, "runtimes"))) yield return "native files for other platforms (runtimes/)";
            if (BundleInspector.ElfMachine(Path.Combine(bundle, "libe_sqlite3.so")) != mode.ElfMachine) yield return "SQLite native library missing or for another architecture";
            // The app's own assemblies and its packages' are ReadyToRun code for the function's CPU; the runtime is Lambda's.
            var readyToRun = (ushort)(0x7B79 ^ (mode.ElfMachine == 0xB7 ? 0xAA64 : 0x8664));
            foreach (var assembly in new[] { "FoundryService.dll", "ServerlessWebApp.Hosting.dll", "AWSSDK.Core.dll" })
            {
                var machine = BundleInspector.PeMachine(Path.Combine(bundle, assembly));
                if (machine != readyToRun) yield return $"{assembly} is not ReadyToRun for this CPU (PE machine 0x{machine:X4})";
            }
            if (File.Exists(Path.Combine(bundle, "libcoreclr.so"))) yield return "a framework-dependent bundle must not carry the runtime";
            break;
        case PublishMode.ReadyToRun:
            // Either the construct's launcher script that execs the app host, or the app host itself renamed by the app's publish.
            var appHost = BundleInspector.ElfMachine(bootstrap) is null ? Path.Combine(bundle, "FoundryService") : bootstrap;
            if (!BundleInspector.IsExecutable(bootstrap)) yield return "bootstrap missing or not executable";
            if (!BundleInspector.IsExecutable(appHost)) yield return "app host missing or not executable";
            if (BundleInspector.ElfMachine(appHost) != mode.ElfMachine) yield return "app host built for another architecture";
            if (BundleInspector.ElfMachine(Path.Combine(bundle, "libcoreclr.so")) != mode.ElfMachine) yield return "runtime (libcoreclr.so) for another architecture";
            var expected = (ushort)(0x7B79 ^ (mode.ElfMachine == 0xB7 ? 0xAA64 : 0x8664));
            if (BundleInspector.PeMachine(Path.Combine(bundle, "FoundryService.dll")) != expected) yield return "FoundryService.dll is not ReadyToRun for this architecture";
            break;
        case PublishMode.NativeAot:
            if (!BundleInspector.IsExecutable(bootstrap)) yield return "bootstrap missing or not executable";
            if (BundleInspector.ElfMachine(bootstrap) != mode.ElfMachine) yield return "bootstrap is not a native executable for this architecture";
            if (File.Exists(Path.Combine(bundle, "FoundryService.dll"))) yield return "managed FoundryService.dll left in a Native AOT bundle";
            if (Directory.GetFiles(bundle, "*.dbg").Length > 0) yield return "debug symbols left in the bundle";
            break;
    }
}

static void CheckRefused(PublishMode mode, CdkArchitecture architecture, string prop, List<string> failures)
{
    var stack = new Stack(new App(), "Refused");
    try
    {
        _ = new ServerlessWebApp(stack, "Foundry", new ServerlessWebAppProps
        {
            ProjectPath = Path.Combine(RepositoryPaths.Root, "samples", "FoundryService", "FoundryService.csproj"),
            PublishMode = mode, Architecture = architecture, PublicAccess = true,
        });
        failures.Add($"{mode}/{architecture.Name}: accepted, expected a refusal naming {prop}");
    }
    catch (Exception e) when (e.Message.Contains(prop, StringComparison.Ordinal))
    {
        Console.WriteLine($"\n{mode}/{architecture.Name} refused: {e.Message}");
    }
    catch (Exception e)
    {
        failures.Add($"{mode}/{architecture.Name}: refused without naming {prop}: {e.Message}");
    }
}

static JsonElement LambdaFunction(string templatePath)
{
    using var document = JsonDocument.Parse(File.ReadAllText(templatePath));
    // The web function (CDK adds its own functions, e.g. the BucketDeployment handler for wwwroot).
    var function = document.RootElement.GetProperty("Resources").EnumerateObject()
        .Single(r => r.Value.GetProperty("Type").GetString() == "AWS::Lambda::Function" && IsWebFunction(r.Value.GetProperty("Properties")));
    return function.Value.GetProperty("Properties").Clone();
}

static bool IsWebFunction(JsonElement properties) =>
    properties.TryGetProperty("Environment", out var environment)
    && environment.GetProperty("Variables").TryGetProperty("SWA_FUNCTION_ROLE", out var role)
    && role.GetString() == "web";

// The construct's own build folder for this project and target (PublishCommand.ArtifactsPath, keyed by the default
// properties too): removed so the publish starts cold.
static void DeleteBuildFolder(string project, ModeCase mode)
{
    var folder = PublishCommand.ArtifactsPath(project, new PublishTarget(mode.Mode, mode.Architecture));
    if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
}
