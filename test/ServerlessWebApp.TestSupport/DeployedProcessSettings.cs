using ServerlessWebApp.Contract;
using ServerlessWebApp.TestSupport.RuntimeApi;

namespace ServerlessWebApp.TestSupport;

/// <summary>
/// The .NET process settings the construct puts on a function of the given publish mode (<c>SwaProcessSettings</c>;
/// today the same in every mode),
/// so a benchmark or test starts the published app the way Lambda would run it.
/// </summary>
public static class DeployedProcessSettings
{
    public static IReadOnlyDictionary<string, string> For(PublishMode mode) => SwaProcessSettings.Variables().ToDictionary();
}
