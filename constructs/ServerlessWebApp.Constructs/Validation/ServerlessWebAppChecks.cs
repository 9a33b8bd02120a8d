namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Every check of <see cref="ServerlessWebAppProps"/>, one group per concern, run in this order before anything is
/// built. To check a new group of props: write <c>static void Check(Findings findings, ServerlessWebAppProps props)</c>
/// in its own file here (an error names the property as the user writes it and the allowed values; a warning has an id
/// in <see cref="ServerlessWebAppWarnings"/>) and add it to <see cref="All"/>.
/// </summary>
internal static class ServerlessWebAppChecks
{
    public static IReadOnlyList<PropsCheck<ServerlessWebAppProps>> All { get; } =
    [
        CodeChecks.Check,
        FunctionChecks.Check,
        FrontDoorChecks.Check,
        VpcChecks.Check,
        IamChecks.Check,
        AssetsChecks.Check,
        TasksChecks.Check,
        KeepWarmChecks.Check,
        ManagementCommandsChecks.Check,
        WeakenedDefaults.Check,
    ];
}
