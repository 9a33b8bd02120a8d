using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.ProcessBenchmarks;

/// <summary>
/// <c>DOTNET_TieredCompilation=0</c>, the one setting found that keeps the JIT modes' memory within issue 7's 10 %
/// (the growth after invocation 100 is tiered compilation's re-JIT of the hot path). The construct does not deploy
/// it; the memory, warm and tier-up benchmarks measure it beside the deployed settings so its cost is on record.
/// </summary>
internal static class TieredCompilationOff
{
    public const string Name = "DOTNET_TieredCompilation=0";

    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" };

    /// <summary>Native AOT has no JIT, so the setting means nothing there.</summary>
    public static bool AppliesTo(PublishMode mode) => mode != PublishMode.NativeAot;
}
