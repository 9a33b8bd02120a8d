using Serverless.WebApp.Contract;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.TestSupport;

/// <summary>
/// The .NET process settings the construct puts on every function of a publish mode (<c>SwaProcessSettings</c>), so a
/// benchmark or test starts the published app the way Lambda would run it. Nothing else in the tests sets them.
/// </summary>
public static class DeployedProcessSettings
{
    /// <summary>Every variable the construct sets on a function of this mode.</summary>
    public static IReadOnlyDictionary<string, string> For(PublishMode mode) =>
        SwaProcessSettings.Variables(nativeAot: mode == PublishMode.NativeAot).ToDictionary();

    /// <summary>
    /// Only the .NET runtime's own settings (garbage collector, JIT): what the same app gets on Kestrel in a
    /// comparison, which otherwise runs with the host's defaults.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RuntimeFor(PublishMode mode) =>
        SwaProcessSettings.RuntimeVariables(nativeAot: mode == PublishMode.NativeAot).ToDictionary();
}
