using Amazon.CDK;
using Amazon.CDK.CXAPI;
using Serverless.WebApp.Constructs.Tests.Support;

namespace Serverless.WebApp.Constructs.Tests.Validation;

/// <summary>
/// Prop errors are synth errors on their construct, all of them at once: the CDK CLI lists every error of the app
/// with its construct path and fails, with no exception and no stack trace; an invalid construct builds nothing.
/// </summary>
[Collection("cdk")]
public class AllErrorsAtOnceTests
{
    /// <summary>Three mistakes in two constructs (and a weakened default on each).</summary>
    private static (App App, Stack Stack, ServerlessWebApp First, ServerlessWebApp Second) ThreeMistakesInTwoConstructs()
    {
        var app = TestFolders.NewApp();
        var stack = new Stack(app, "TestStack");
        var first = new ServerlessWebApp(stack, "First", TestStacks.Props(p => { p.MemorySize = 64; p.Timeout = Duration.Seconds(31); }));
        var second = new ServerlessWebApp(stack, "Second", TestStacks.Props(p => p.KeepWarm = new ServerlessWebAppKeepWarmProps { Rate = Duration.Seconds(90) }));
        return (app, stack, first, second);
    }

    [Fact]
    public void EveryErrorOfEveryConstructIsReportedWithItsPath()
    {
        // GIVEN two constructs with three mistakes between them
        var (_, stack, _, _) = ThreeMistakesInTwoConstructs();

        // THEN synth reports all three, each on its construct and naming the property and the allowed values
        var errors = SynthMessages.Errors(stack);
        Assert.Equal(
        [
            ("/TestStack/First", "MemorySize 64 is out of range; allowed: whole MB from 128 to 10240."),
            ("/TestStack/First", "Timeout 31 seconds is longer than a HttpApi waits; allowed: 1 to 30 seconds with FrontDoor HttpApi (use FrontDoor FunctionUrl or None, or tasks, for longer work)."),
            ("/TestStack/Second", "KeepWarm.Rate 1 minute 30 seconds is invalid; allowed: whole minutes from 1 to 60 (Lambda reclaims idle environments within minutes)."),
        ], errors.Order());
        // AND the warnings of both constructs come with them
        Assert.Equal(2, SynthMessages.Warnings(stack).Count(w => w.Message.Contains("[ack: ServerlessWebApp:publicAccess]", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnInvalidConstructBuildsNothing()
    {
        var (_, _, first, second) = ThreeMistakesInTwoConstructs();
        Assert.Empty(first.Node.Children);
        Assert.Empty(second.Node.Children);
    }

    [Fact]
    public void SynthSucceedsAndWritesTheErrorsToTheCloudAssemblyWithoutStackTraces()
    {
        // GIVEN the app a user's Program.cs builds, ending with the plain app.Synth()
        var (app, stack, _, _) = ThreeMistakesInTwoConstructs();

        // WHEN synthesized THEN nothing is thrown: the errors are in the cloud assembly, where the CDK CLI reads them,
        // lists them and fails
        var assembly = app.Synth();
        var errors = assembly.GetStackArtifact(stack.ArtifactId).Messages.Where(m => m.Level == SynthesisMessageLevel.ERROR).ToList();
        Assert.Equal(3, errors.Count);
        // AND without the JavaScript stack trace the CLI would print as the error's location (a path into the jsii kernel)
        Assert.All(errors, error => Assert.True(error.Entry.Trace is null || error.Entry.Trace.Length == 0, $"{error.Id} has a trace"));
    }

    [Fact]
    public void MembersOfAConstructThatWasNotBuiltThrowItsErrors()
    {
        var (_, _, first, _) = ThreeMistakesInTwoConstructs();
        var error = Assert.Throws<InvalidOperationException>(() => first.Function);
        Assert.Contains("ServerlessWebApp 'TestStack/First' was not built because its props are invalid:", error.Message);
        Assert.Contains("MemorySize 64 is out of range", error.Message);
        Assert.Contains("Timeout 31 seconds", error.Message);
        Assert.Throws<InvalidOperationException>(() => first.Url);
        Assert.Throws<InvalidOperationException>(() => first.GrantInvoke(new Amazon.CDK.AWS.IAM.AccountRootPrincipal()));
    }
}
