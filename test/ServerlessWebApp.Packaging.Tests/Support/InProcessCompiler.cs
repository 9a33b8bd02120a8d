using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.WebApp.Packaging.Tests.Support;

/// <summary>
/// Compiles C# sources in this process, as a user's project would compile them: against the shared framework (.NET and
/// ASP.NET Core), the two libraries with their dependencies and xunit, with the implicit usings of the project's SDK.
/// </summary>
public static class InProcessCompiler
{
    public static readonly string[] ConsoleSdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static readonly string[] WebSdkUsings =
    [
        .. ConsoleSdkUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>The compiler errors of the sources compiled together (an executable when one has top-level statements).</summary>
    public static IReadOnlyList<string> Errors(IEnumerable<string> globalUsings, params (string Path, string Code)[] sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var usings = CSharpSyntaxTree.ParseText(string.Join('\n', globalUsings.Select(u => $"global using global::{u};")), options);
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Code, options, source.Path)).ToList();
        var topLevel = trees.Any(tree => tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create("Compiled", [usings, .. trees], References.Value,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                        && !Path.GetFileName(f).StartsWith("xunit.runner", StringComparison.Ordinal)
                        && !Path.GetFileName(f).Contains("Tests", StringComparison.Ordinal)
                        && !Path.GetFileName(f).Contains("TestSupport", StringComparison.Ordinal));
        return platform.Concat(local)
            .Where(f => f.EndsWith(".dll", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToList();
    }
}
