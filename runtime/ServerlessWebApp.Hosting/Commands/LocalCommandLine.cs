namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// <c>manage &lt;command&gt; [args…]</c> on the app's command line outside Lambda (<c>dotnet run -- manage migrate
/// --dry-run</c>): run that management command instead of serving requests. <see cref="Name"/> is null when only
/// <c>manage</c> was given.
/// </summary>
internal sealed record LocalCommandLine(string? Name, IReadOnlyList<string> Args)
{
    public const string Verb = "manage";

    public static bool TryParse(IReadOnlyList<string> commandLineArgs, out LocalCommandLine commandLine)
    {
        commandLine = null!;
        if (commandLineArgs.Count == 0 || commandLineArgs[0] != Verb) return false;
        commandLine = commandLineArgs.Count == 1
            ? new LocalCommandLine(null, [])
            : new LocalCommandLine(commandLineArgs[1], commandLineArgs.Skip(2).ToArray());
        return true;
    }
}
