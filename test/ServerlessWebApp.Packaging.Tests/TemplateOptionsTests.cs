using System.Text.RegularExpressions;
using Serverless.WebApp.Packaging.Tests.Support;

namespace Serverless.WebApp.Packaging.Tests;

/// <summary>
/// The template's options, generated from the packed template: each front door and publish mode gives a project whose
/// stack is the one asked for, whose README points at files that exist, and whose CDK app and stack tests compile.
/// (The default options run end to end in <see cref="TemplateConsumptionTests"/>; synthesizing every publish mode here
/// would cost minutes of CPU per run for code the construct's own tests already synthesize.)
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class TemplateOptionsTests(PackedFeed feed)
{
    private const string ProjectName = "Acme.Variant";

    [Theory]
    [InlineData("None", "ReadyToRun")]
    [InlineData("RestApi", "NativeAot")]
    [InlineData("FunctionUrl", "FrameworkDependent")]
    public async Task EachFrontDoorAndPublishModeGeneratesAConsistentProjectThatCompiles(string frontDoor, string publishMode)
    {
        // WHEN a project is generated with the options
        var project = Path.Combine(feed.Root, "options", $"{frontDoor}-{publishMode}");
        await CommandLine.RunAsync(feed.Root, PackedFeed.Environment(), TimeSpan.FromMinutes(5), "dotnet", "new", "serverlesswebapp",
            "-n", ProjectName, "--FrontDoor", frontDoor, "--PublishMode", publishMode, "-o", project, "--debug:custom-hive", await feed.TemplateHiveAsync());

        // THEN no template directive, token or source name is left in any file
        foreach (var file in Directory.GetFiles(project, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotMatch(@"MyWebApp|SWA_STACK_NAME", Path.GetRelativePath(project, file));
            Assert.DoesNotMatch(@"#(if|elseif|else|endif)\b|\{\{|MyWebApp|SWA_STACK_NAME", await File.ReadAllTextAsync(file));
        }

        // AND the stack is the one asked for, authorized whenever it has a front door
        var stack = await File.ReadAllTextAsync(Path.Combine(project, "cdk", $"{ProjectName}.Cdk", "WebAppStack.cs"));
        Assert.Contains($"PublishMode = PublishMode.{publishMode},", stack);
        Assert.Contains($"FrontDoor = FrontDoorKind.{frontDoor},", stack);
        Assert.Equal(frontDoor != "None", stack.Contains("Authorization = ", StringComparison.Ordinal));

        // AND every event file the README uses is there (HTTP events only with a front door)
        var readme = await File.ReadAllTextAsync(Path.Combine(project, "README.md"));
        var app = Path.Combine(project, "src", ProjectName);
        var invoked = Regex.Matches(readme, @" invoke (events/[\w.-]+)").Select(m => Path.Combine(app, m.Groups[1].Value))
            .Concat(Regex.Matches(readme, @"file://(\S+)").Select(m => Path.Combine(project, m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(invoked);
        Assert.All(invoked, file => Assert.True(File.Exists(file), $"the README uses {file}, which the project does not have"));
        Assert.Equal(frontDoor != "None", File.Exists(Path.Combine(app, "events", "http-api.json")));

        // AND the CDK app and the stack tests compile against the libraries
        var sources = Directory.GetFiles(Path.Combine(project, "cdk"), "*.cs", SearchOption.AllDirectories)
            .Append(Path.Combine(project, "test", $"{ProjectName}.Tests", "StackTests.cs"))
            .Select(file => (file, File.ReadAllText(file)))
            .ToArray();
        var errors = InProcessCompiler.Errors([.. InProcessCompiler.ConsoleSdkUsings, "Xunit"], sources);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
