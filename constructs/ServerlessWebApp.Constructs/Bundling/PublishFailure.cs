using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>Tells a publish that failed because a build tool crashed from one that failed on the app itself.</summary>
internal static partial class PublishFailure
{
    /// <summary>
    /// Whether MSBuild reports a tool (crossgen2, ILLink, ILC) that exited with 128 + a signal number: SIGABRT (134),
    /// SIGBUS (135), SIGKILL (137) or SIGSEGV (139). A compile error exits with 1 and is reported as such.
    /// </summary>
    public static bool IsToolCrash(string output) => ToolKilledBySignal().IsMatch(output);

    [GeneratedRegex(@"exited with code 13[4579]\b")]
    private static partial Regex ToolKilledBySignal();
}
