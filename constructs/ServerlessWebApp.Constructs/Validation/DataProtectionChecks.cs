namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// The <c>DataProtection</c> group: a supplied <c>EncryptionKey</c> the services can encrypt with, an
/// <c>AccessLogsBucket</c> S3 can deliver logs to. Where they are (account, region) is checked at synth
/// (<see cref="DataProtectionPlacementCheck"/>), against the stack the construct ends up in.
/// </summary>
internal static class DataProtectionChecks
{
    public const string Owner = nameof(ServerlessWebAppProps.DataProtection);

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.DataProtection is not { } protection) return;
        KeyRules.Check(findings, protection.EncryptionKey?.Supplied, $"{Owner}.{nameof(protection.EncryptionKey)}");
        AccessLogDestinationRules.Check(findings, protection.AccessLogsBucket, $"{Owner}.{nameof(protection.AccessLogsBucket)}");
    }
}
