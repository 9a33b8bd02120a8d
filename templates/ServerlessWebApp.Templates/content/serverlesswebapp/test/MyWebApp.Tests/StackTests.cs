using Amazon.CDK;
using Amazon.CDK.Assertions;
using MyWebApp.Cdk;

namespace MyWebApp.Tests;

/// <summary>What `cdk synth` produces for the stack (the app is published once, as at synth).</summary>
public sealed class StackTests
{
    private static readonly Lazy<Template> Synthesized = new(() =>
    {
        var app = new App();
        var stack = new WebAppStack(app, "SWA_STACK_NAME", new WebAppStackProps { AppProjectPath = AppProjectPath() });
        return Template.FromStack(stack);
    });

    [Fact]
    public void TheWebAppRunsOnLambdaBehindItsFrontDoor()
    {
        var template = Synthesized.Value;
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object> { ["Name"] = "live" });
//#if (FrontDoor == "HttpApi")
        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
//#elseif (FrontDoor == "RestApi")
        template.ResourceCountIs("AWS::ApiGateway::RestApi", 1);
//#elseif (FrontDoor == "FunctionUrl")
        template.ResourceCountIs("AWS::Lambda::Url", 1);
//#else
        // No front door: only a direct invoke of the alias reaches the function.
        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 0);
        template.ResourceCountIs("AWS::ApiGateway::RestApi", 0);
        template.ResourceCountIs("AWS::Lambda::Url", 0);
//#endif
    }

    [Fact]
    public void TasksReachTheWorkerThroughItsQueue()
    {
        var template = Synthesized.Value;
        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new Dictionary<string, object>
        {
            ["FunctionResponseTypes"] = new[] { "ReportBatchItemFailures" },
        });
    }

    /// <summary>The app's project, found from the test's folder up to the one that holds cdk.json.</summary>
    private static string AppProjectPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cdk.json"))) return Path.Combine(dir.FullName, "src", "MyWebApp", "MyWebApp.csproj");
        }
        throw new InvalidOperationException($"No cdk.json above {AppContext.BaseDirectory}.");
    }
}
