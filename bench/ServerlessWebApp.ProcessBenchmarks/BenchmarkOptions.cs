using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>Command-line settings: <c>&lt;command&gt; [--modes fdd,r2r,aot] [--runs N] [--invocations N] [--process-settings deployed|runtime-defaults]</c>.</summary>
internal sealed class BenchmarkOptions
{
    public string Command { get; private init; } = "";
    public IReadOnlyList<PublishMode> Modes { get; private init; } = Enum.GetValues<PublishMode>();
    public int Runs { get; private init; } = 20;
    public int Invocations { get; private init; } = 20_000;
    public ProcessSettings ProcessSettings { get; private init; } = ProcessSettings.Deployed;

    public static BenchmarkOptions Parse(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException(Usage);
        var modes = Enum.GetValues<PublishMode>().ToList();
        int runs = 20, invocations = 20_000;
        var settings = ProcessSettings.Deployed;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i++])
            {
                case "--modes": modes = value.Split(',').Select(ParseMode).ToList(); break;
                case "--runs": runs = int.Parse(value); break;
                case "--invocations": invocations = int.Parse(value); break;
                case "--process-settings": settings = ParseSettings(value); break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}");
            }
        }
        return new BenchmarkOptions { Command = args[0], Modes = modes, Runs = runs, Invocations = invocations, ProcessSettings = settings };
    }

    public static string ShortName(PublishMode mode) => mode switch
    {
        PublishMode.FrameworkDependent => "fdd",
        PublishMode.ReadyToRun => "r2r",
        PublishMode.NativeAot => "aot",
        _ => mode.ToString(),
    };

    private static PublishMode ParseMode(string name)
    {
        foreach (var mode in Enum.GetValues<PublishMode>())
        {
            if (ShortName(mode) == name.Trim()) return mode;
        }
        throw new ArgumentException($"--modes: unknown mode '{name}'; allowed: fdd, r2r, aot.");
    }

    private static ProcessSettings ParseSettings(string value) => value switch
    {
        "deployed" => ProcessSettings.Deployed,
        "runtime-defaults" => ProcessSettings.RuntimeDefaults,
        _ => throw new ArgumentException($"--process-settings: unknown value '{value}'; allowed: deployed, runtime-defaults."),
    };

    public const string Usage =
        "usage: dotnet run -c Release --project bench/ServerlessWebApp.ProcessBenchmarks -- " +
        "<coldstart|warm|size|memory|tierup|secrets|all> [--modes fdd,r2r,aot] [--runs 20] [--invocations 20000] " +
        "[--process-settings deployed|runtime-defaults]";
}
