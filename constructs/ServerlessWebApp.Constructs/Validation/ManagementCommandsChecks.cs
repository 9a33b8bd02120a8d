namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The management commands printed as stack outputs (<c>ManagementCommands</c>).</summary>
internal static class ManagementCommandsChecks
{
    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var commands = props.ManagementCommands ?? [];
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (!NameRules.IsCommandName(command))
                findings.Error($"{nameof(props.ManagementCommands)}[{i}]", $"'{command}' is invalid; allowed: {NameRules.CommandNameRule}, as MapCommand accepts");
            else if (!seen.Add(command))
                findings.Error($"{nameof(props.ManagementCommands)}[{i}]", $"'{command}' is listed twice; allowed: each command once");
        }
    }
}
