using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.Commands;
using static Serverless.WebApp.Constructs.Validation.ValueRules;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The props of the <see cref="ManagementCommand"/> sub-construct.</summary>
internal static partial class ManagementCommandPropsChecks
{
    private const string Owner = nameof(ManagementCommandProps);

    public static void Check(Findings findings, ManagementCommandProps props)
    {
        Required(findings, props.Alias, $"{Owner}.{nameof(props.Alias)}", "the live alias that runs management commands");
        if (props.Command is not null && !NameRules.IsCommandName(props.Command))
            findings.Error($"{Owner}.{nameof(props.Command)}", $"'{props.Command}' must be {NameRules.CommandNameRule}, as MapCommand accepts");
        if (props.Args is not null && props.Args.Any(arg => arg is null))
            findings.Error($"{Owner}.{nameof(props.Args)}", "must not contain null; pass an empty string for an empty argument");
        if (props.OutputFile is not null && !OutputFile().IsMatch(props.OutputFile))
            findings.Error($"{Owner}.{nameof(props.OutputFile)}", $"'{props.OutputFile}' must be a file path of letters, digits, '.', '_', '-' or '/'");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._/-]{1,255}$")]
    private static partial Regex OutputFile();
}
