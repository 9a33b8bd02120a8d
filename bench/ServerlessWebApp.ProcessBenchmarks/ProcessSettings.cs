namespace Serverless.WebApp.ProcessBenchmarks;

/// <summary>Which .NET process settings the app is started with.</summary>
internal enum ProcessSettings
{
    /// <summary>The environment variables the construct sets on the function for this publish mode.</summary>
    Deployed,
    /// <summary>.NET's own defaults (none of the construct's process settings), for before/after comparisons.</summary>
    RuntimeDefaults,
}
