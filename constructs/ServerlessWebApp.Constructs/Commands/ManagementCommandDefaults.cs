namespace Serverless.WebApp.Constructs.Commands;

/// <summary>Pure defaults of <see cref="ManagementCommandProps"/> and <see cref="ServerlessWebAppProps.ManagementCommands"/>.</summary>
internal static class ManagementCommandDefaults
{
    /// <summary>The command printed when none is named: an unregistered name answers with the list of known commands.</summary>
    public const string Command = "help";

    /// <summary>The AWS CLI's usual response file.</summary>
    public const string OutputFile = "response.json";

    public static IReadOnlyList<string> Commands(ServerlessWebAppProps props) => props.ManagementCommands ?? [Command];
}
