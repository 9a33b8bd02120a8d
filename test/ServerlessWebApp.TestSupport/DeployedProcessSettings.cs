using ServerlessWebApp.Contract;

namespace ServerlessWebApp.TestSupport;

/// <summary>
/// The .NET process settings the construct puts on every function (<c>SwaProcessSettings</c>, the same in every
/// publish mode), so a benchmark or test starts the published app the way Lambda would run it.
/// </summary>
public static class DeployedProcessSettings
{
    public static IReadOnlyDictionary<string, string> Variables => SwaProcessSettings.Variables().ToDictionary();
}
