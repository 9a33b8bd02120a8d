using Amazon.CDK.AWS.Lambda;

namespace Serverless.WebApp.Constructs.Commands;

/// <summary>Inputs of <see cref="ManagementCommand"/>: which command line to print as a stack output.</summary>
public sealed class ManagementCommandProps
{
    /// <summary>The <c>live</c> alias that runs management commands (the web function's). Default: none, required.</summary>
    public required IAlias Alias { get; init; }

    /// <summary>
    /// Command name as registered with <c>MapCommand</c>: 1–64 letters, digits, '.', '_', ':' or '-'. Default: "help" (an unregistered name answers with the list of known commands).
    /// </summary>
    public string? Command { get; init; }

    /// <summary>Arguments passed as the <c>args</c> array. Default: none, an empty array.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>File the AWS CLI writes the function's response to. Default: "response.json".</summary>
    public string? OutputFile { get; init; }
}
