using Amazon.CDK;
using Constructs;
using Serverless.WebApp.Constructs.Validation;

namespace Serverless.WebApp.Constructs.Commands;

/// <summary>
/// A stack output with the exact <c>aws lambda invoke</c> command line that runs a management command on the
/// <c>live</c> alias. Only commands the app registered with <c>MapCommand</c> run; nothing else can be executed.
/// Invalid props are reported as synth errors (<c>cdk synth</c> lists them all) and nothing is built; the members then throw.
/// </summary>
public sealed class ManagementCommand : Construct
{
    private readonly ConstructValidation _validation;

    /// <summary>Builds the command line and its output.</summary>
    public ManagementCommand(Construct scope, string id, ManagementCommandProps props) : base(scope, id)
    {
        _validation = ConstructValidation.Start(this);
        if (!_validation.Check(props, [ManagementCommandPropsChecks.Check])) return;
        var function = props.Alias.Version.Lambda;
        Command = props.Command ?? ManagementCommandDefaults.Command;
        CommandLine = ManagementCommandLine.For(
            Stack.Of(this).Region,
            function.FunctionName,
            props.Alias.AliasName,
            Command,
            props.Args ?? [],
            props.OutputFile ?? ManagementCommandDefaults.OutputFile);
        Output = new CfnOutput(this, "InvokeCommand", new CfnOutputProps
        {
            Value = CommandLine,
            Description = "Runs a management command on the live alias (replace the command and args in the payload).",
        });
    }

    /// <summary>The command the line runs.</summary>
    public string Command { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The command line; before deploy it holds tokens for the region and function name.</summary>
    public string CommandLine { get => field ?? throw _validation.NotBuilt(); }

    /// <summary>The stack output with the resolved command line.</summary>
    public CfnOutput Output { get => field ?? throw _validation.NotBuilt(); }
}
