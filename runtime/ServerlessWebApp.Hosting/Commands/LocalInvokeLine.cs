namespace Serverless.WebApp.Hosting.Commands;

/// <summary>
/// <c>invoke &lt;event.json&gt;</c> or <c>invoke &lt;METHOD&gt; &lt;/path[?query]&gt; [body]</c> on the app's command line
/// outside Lambda (<c>dotnet run -- invoke events/http-api.json</c>, <c>dotnet run -- invoke GET /</c>): run one Lambda
/// event through the app instead of serving requests. <see cref="Args"/> are the words after <c>invoke</c>.
/// </summary>
internal sealed record LocalInvokeLine(IReadOnlyList<string> Args)
{
    public const string Verb = "invoke";

    public const string Usage =
        "usage: invoke <event.json> | invoke <METHOD> </path[?query]> [body]  " +
        "(runs one Lambda event through the app and prints the response payload Lambda would return)";

    public static bool TryParse(IReadOnlyList<string> commandLineArgs, out LocalInvokeLine invokeLine)
    {
        invokeLine = null!;
        if (commandLineArgs.Count == 0 || commandLineArgs[0] != Verb) return false;
        invokeLine = new LocalInvokeLine(commandLineArgs.Skip(1).ToArray());
        return true;
    }
}
