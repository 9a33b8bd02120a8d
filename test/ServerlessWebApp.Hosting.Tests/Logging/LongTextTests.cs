using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.WebApp.Hosting.Logging;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Logging;

/// <summary>Megabytes of event text (a header, a path, a command name) do not become megabytes of logs or error bodies.</summary>
public class LongTextTests
{
    private static readonly string Megabyte = new('h', 1024 * 1024);

    [Fact]
    public void ALogLineQuotingAMegabyteHeaderStaysFarBelowWhatCloudWatchKeeps()
    {
        var formatter = new LambdaJsonConsoleFormatter();
        using var output = new StringWriter();
        KeyValuePair<string, object?>[] state = [new("Header", Megabyte), new("Path", "/" + Megabyte), new("{OriginalFormat}", "Header {Header} on {Path}")];
        var exception = new InvalidOperationException("Bad header " + Megabyte);
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(LogLevel.Error, "App", new EventId(1), state, exception,
            (s, _) => $"Header {s[0].Value} on {s[1].Value}");

        formatter.Write(entry, null, output);

        var line = output.ToString();
        Assert.True(line.Length < 64 * 1024, $"the line is {line.Length:N0} characters");
        var json = JsonDocument.Parse(line).RootElement;
        Assert.EndsWith("more characters]", json.GetProperty("message").GetString());
        Assert.EndsWith("more characters]", json.GetProperty("Header").GetString());
        Assert.EndsWith("more characters]", json.GetProperty("errorMessage").GetString());
        Assert.StartsWith("Header hhhh", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUnknownCommandNamedWithAMegabyteIsNotEchoedBackWhole()
    {
        await using var host = await LambdaAppHost.StartAsync(app => app.MapCommand("results:show", (_, _) => Task.FromResult(0)));

        var result = await host.InvokeAsync($$"""{"command": "{{Megabyte}}"}""");

        Assert.Equal("UnknownCommand", result.Error?.ErrorType);
        var echoed = result.Error!.ErrorMessage.Length + result.Error.StackTrace.Sum(l => l.Length);
        Assert.True(echoed < 64 * 1024, $"the error report echoes {echoed:N0} characters");
        Assert.Contains("more characters]", result.Error.ErrorMessage);
    }

    [Fact]
    public void TextIsNeverCutInsideASurrogatePair()
    {
        var text = new string('a', TextLimits.MaxFieldChars - 1) + "😀" + "tail";

        var capped = TextLimits.Cap(text);

        Assert.StartsWith(new string('a', TextLimits.MaxFieldChars - 1) + "…", capped);
    }
}
