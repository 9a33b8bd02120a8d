using System.Text.RegularExpressions;
using Serverless.WebApp.Packaging.Tests.Support;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Packaging.Tests;

/// <summary>
/// Every fenced <c>csharp</c> block of the READMEs compiles against the libraries, with only the usings the SDK adds
/// (implicit usings) and those the block shows. A block is a file of its own (top-level statements and/or types). A
/// block that is the body of a method says so in an HTML comment right above it, which readers of the rendered README
/// do not see, e.g. <c>&lt;!-- compiles as a method body with: Amazon.CDK.Stack stack --&gt;</c>; its leading
/// <c>using</c> lines go to the top of the file.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    public static TheoryData<string> Readmes => new(
        "README.md",
        "constructs/ServerlessWebApp.Constructs/README.md",
        "runtime/ServerlessWebApp.Hosting/README.md",
        "templates/ServerlessWebApp.Templates/README.md");

    [Theory]
    [MemberData(nameof(Readmes))]
    public void EveryCSharpBlockCompiles(string readme)
    {
        var snippets = Snippets(File.ReadAllText(Path.Combine(RepositoryPaths.Root, readme))).ToList();
        Assert.NotEmpty(snippets);
        var failures = snippets.Select(s => (s.Line, Errors: Compile(s))).Where(r => r.Errors.Count > 0)
            .Select(r => $"{readme}:{r.Line}:\n  " + string.Join("\n  ", r.Errors)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ABrokenSnippetIsReportedWithItsErrors()
    {
        var snippet = Snippets("""
            text
            ```csharp
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapCommand("x", (context, ct) => Task.FromResult("not an exit code"));
            ```
            """).Single();

        Assert.Contains(Compile(snippet), error => error.Contains("CS"));
    }

    /// <summary>The csharp blocks of a markdown text with their line and, when given, the method they are the body of.</summary>
    internal static IEnumerable<Snippet> Snippets(string markdown)
    {
        foreach (Match match in FencedBlock().Matches(markdown))
        {
            var line = markdown[..match.Index].Count(c => c == '\n') + 1;
            var parameters = match.Groups["parameters"].Success ? match.Groups["parameters"].Value.Trim() : null;
            yield return new Snippet(line, match.Groups["code"].Value, parameters);
        }
    }

    private static IReadOnlyList<string> Compile(Snippet snippet)
    {
        var code = snippet.Code;
        if (snippet.MethodParameters is { } parameters)
        {
            var lines = code.Split('\n');
            var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Trim().Length == 0).ToArray();
            code = string.Join('\n', usings) + $"\ninternal static class Snippet\n{{\n    internal static async System.Threading.Tasks.Task RunAsync({parameters})\n    {{\n" +
                   string.Join('\n', lines.Skip(usings.Length)) + "\n        await System.Threading.Tasks.Task.CompletedTask;\n    }\n}\n";
        }
        var isCdk = code.Contains("Amazon.CDK", StringComparison.Ordinal) || code.Contains("Serverless.WebApp.Constructs", StringComparison.Ordinal);
        return InProcessCompiler.Errors(isCdk ? InProcessCompiler.ConsoleSdkUsings : InProcessCompiler.WebSdkUsings, ($"snippet-line-{snippet.Line}.cs", code));
    }

    [GeneratedRegex(@"(?:<!--\s*compiles as a method body with:(?<parameters>[^>]*?)-->\s*\n)?^```csharp[ \t]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    internal sealed record Snippet(int Line, string Code, string? MethodParameters);
}
