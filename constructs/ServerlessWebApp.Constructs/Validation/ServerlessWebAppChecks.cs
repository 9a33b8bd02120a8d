namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// Every check of a <see cref="ServerlessWebApp"/>: <see cref="All"/> over its props, one group per concern, run in this
/// order before anything is built; <see cref="AtSynth"/> over the built construct when the app is synthesized. To check
/// a new group of props: write <c>static void Check(Findings findings, ServerlessWebAppProps props)</c> in its own file
/// here (an error names the property as the user writes it and the allowed values; a warning has an id in
/// <see cref="ServerlessWebAppWarnings"/>) and add it to <see cref="All"/>; a check that needs the finished tree goes
/// in <see cref="AtSynth"/> instead.
/// </summary>
internal static class ServerlessWebAppChecks
{
    public static IReadOnlyList<PropsCheck<ServerlessWebAppProps>> All { get; } =
    [
        CodeChecks.Check,
        FunctionChecks.Check,
        FrontDoorChecks.Check,
        DomainChecks.Check,
        CorsChecks.Check,
        RoutesChecks.Check,
        RestApiFeatureChecks.Check,
        VpcChecks.Check,
        IamChecks.Check,
        AssetsChecks.Check,
        DataProtectionChecks.Check,
        TasksChecks.Check,
        KeepWarmChecks.Check,
        ManagementCommandsChecks.Check,
        EventSourcesChecks.Check,
        LoadBalancerTargetChecks.Check,
        DeploymentChecks.Check,
        MonitoringChecks.Check,
        WeakenedDefaults.Check,
        HostingReferenceCheck.Check,
    ];

    public static IReadOnlyList<SynthCheck<ServerlessWebApp>> AtSynth { get; } =
    [
        VpcRouteCheck.Check,
        BucketNotificationsRoleCheck.Check,
        DataProtectionPlacementCheck.Check,
    ];
}
