using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.ProcessBenchmarks;

/// <summary>
/// <c>DOTNET_TieredCompilation=0</c>, the one setting found that brings the JIT modes' memory near issue 7's 10 % (most
/// of their growth after invocation 100 is tiered compilation re-compiling the hot path). The construct does not
/// deploy it; the memory, warm and tier-up benchmarks measure it beside the deployed settings so its cost is on record.
/// </summary>
internal static class TieredCompilationOff
{
    public const string Name = "DOTNET_TieredCompilation=0";

    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" };

    /// <summary>Native AOT has no JIT, so the setting means nothing there.</summary>
    public static bool AppliesTo(PublishMode mode) => mode != PublishMode.NativeAot;
}
