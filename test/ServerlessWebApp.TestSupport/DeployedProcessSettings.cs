using Serverless.WebApp.Contract;
using Serverless.WebApp.TestSupport.RuntimeApi;

namespace Serverless.WebApp.TestSupport;

/// <summary>
/// The .NET process settings the construct puts on every function of a publish mode (<c>SwaProcessSettings</c>), so a
/// benchmark or test starts the published app the way Lambda would run it.
/// </summary>
public static class DeployedProcessSettings
{
    public static IReadOnlyDictionary<string, string> For(PublishMode mode) =>
        SwaProcessSettings.Variables(nativeAot: mode == PublishMode.NativeAot).ToDictionary();
}
