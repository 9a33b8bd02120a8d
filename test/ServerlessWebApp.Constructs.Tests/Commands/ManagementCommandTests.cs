using System.Text.Json.Nodes;
using Serverless.WebApp.Constructs.Commands;
using Serverless.WebApp.Constructs.Tests.Tasks;

namespace Serverless.WebApp.Constructs.Tests.Commands;

/// <summary>The <c>aws lambda invoke</c> command line for management commands, as a helper and as a stack output.</summary>
[Collection("cdk")]
public sealed class ManagementCommandTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    [Fact]
    public void CommandLineInvokesTheAliasWithARawJsonPayload()
    {
        var line = ManagementCommandLine.For("eu-west-1", "foundry-web", "live", "migrate", ["--dry-run"]);
        Assert.Equal(
            """aws lambda invoke --region eu-west-1 --function-name foundry-web:live --cli-binary-format raw-in-base64-out --payload '{"command":"migrate","args":["--dry-run"]}' response.json""",
            line);
    }

    [Fact]
    public void ArgumentsWithQuotesStayInsideTheShellQuotedPayload()
    {
        var payload = ManagementCommandLine.Payload("seed", ["it's", "a \"b\""]);
        Assert.DoesNotContain('\'', payload);
        var parsed = JsonNode.Parse(payload)!;
        Assert.Equal(["it's", "a \"b\""], parsed["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("seed", (string?)parsed["command"]);
    }

    [Fact]
    public void StackOutputResolvesRegionFunctionNameAndAlias()
    {
        var given = templates.Defaults;
        var output = given.Json.Outputs.Single(o => o.Key.StartsWith("Manage", StringComparison.Ordinal)).Value!["Value"]!["Fn::Join"]![1]!.AsArray();
        var text = string.Concat(output.Select(part => part is JsonValue v ? (string)v! : $"<{part!["Ref"]}>"));
        Assert.Equal(
            $$"""aws lambda invoke --region <AWS::Region> --function-name <{{given.Web.LogicalId}}>:live --cli-binary-format raw-in-base64-out --payload '{"command":"migrate","args":["--dry-run","it\u0027s"]}' response.json""",
            text);
        Assert.Contains("--function-name", given.Command!.CommandLine);
    }
}
