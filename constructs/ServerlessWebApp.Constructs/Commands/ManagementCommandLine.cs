using System.Text.Json;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Constructs.Commands;

/// <summary>
/// Builds the <c>aws lambda invoke</c> command line that runs a management command, as <c>zappa manage</c> does.
/// Pure: tokens (a function name not known until deploy) pass through and resolve in a stack output.
/// </summary>
internal static class ManagementCommandLine
{
    /// <summary>
    /// The payload <c>{"command":"...","args":[...]}</c>. The default encoder escapes <c>'</c> as <c>\u0027</c>,
    /// so the payload never contains a single quote and is safe inside shell single quotes.
    /// </summary>
    public static string Payload(string command, IEnumerable<string> args)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(SwaControlEvent.Command, command);
            writer.WriteStartArray(SwaControlEvent.Args);
            foreach (var arg in args) writer.WriteStringValue(arg);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// <c>aws lambda invoke --region R --function-name NAME:ALIAS --cli-binary-format raw-in-base64-out --payload '{...}' response.json</c>
    /// </summary>
    public static string For(string region, string functionName, string aliasName, string command, IEnumerable<string> args,
        string outputFile = ManagementCommandDefaults.OutputFile) =>
        $"aws lambda invoke --region {region} --function-name {functionName}:{aliasName} " +
        $"--cli-binary-format raw-in-base64-out --payload {ShellQuote(Payload(command, args))} {outputFile}";

    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
