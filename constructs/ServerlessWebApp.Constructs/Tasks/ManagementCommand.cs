using Amazon.CDK;
using Constructs;

namespace Serverless.WebApp.Constructs.Tasks;

/// <summary>
/// A stack output with the exact <c>aws lambda invoke</c> command line that runs a management command on the
/// <c>live</c> alias. Only commands the app registered with <c>MapCommand</c> run; nothing else can be executed.
/// </summary>
public sealed class ManagementCommand : Construct
{
    /// <summary>Default command: an unregistered name answers with the list of known commands.</summary>
    public const string DefaultCommand = "help";

    /// <summary>Builds the command line and its output.</summary>
    public ManagementCommand(Construct scope, string id, ManagementCommandProps props) : base(scope, id)
    {
        TasksValidation.Validate(props);
        var function = props.Alias.Version.Lambda;
        Command = props.Command ?? DefaultCommand;
        CommandLine = ManagementCommandLine.For(
            Stack.Of(this).Region,
            function.FunctionName,
            props.Alias.AliasName,
            Command,
            props.Args ?? [],
            props.OutputFile ?? ManagementCommandLine.DefaultOutputFile);
        Output = new CfnOutput(this, "InvokeCommand", new CfnOutputProps
        {
            Value = CommandLine,
            Description = "Runs a management command on the live alias (replace the command and args in the payload).",
        });
    }

    /// <summary>The command the line runs.</summary>
    public string Command { get; }

    /// <summary>The command line; before deploy it holds tokens for the region and function name.</summary>
    public string CommandLine { get; }

    /// <summary>The stack output with the resolved command line.</summary>
    public CfnOutput Output { get; }
}
