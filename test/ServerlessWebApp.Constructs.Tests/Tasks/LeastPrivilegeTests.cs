namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>No Allow statement anywhere in the task resources uses a wildcard action.</summary>
[Collection("cdk")]
public sealed class LeastPrivilegeTests(TasksTemplates templates) : IClassFixture<TasksTemplates>
{
    public static TheoryData<string> Configurations => ["Defaults", "OptIns", "HundredSchedules"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void NoAllowedActionContainsAWildcard(string configuration)
    {
        var json = configuration switch
        {
            "Defaults" => templates.Defaults.Json,
            "OptIns" => templates.OptIns.Json,
            _ => templates.HundredSchedules.Json,
        };
        // The test's own KMS key (supplied by the user, not created by the sub-constructs) keeps CDK's root policy.
        var allowed = json.Resources
            .Where(r => (string?)r.Value!["Type"] != "AWS::KMS::Key")
            .SelectMany(r => r.Value!["Properties"]?.AsObject().Select(p => p.Value) ?? [])
            .SelectMany(StatementsIn)
            .Where(s => (string?)s["Effect"] == "Allow")
            .SelectMany(TemplateJson.Actions)
            .ToList();
        Assert.NotEmpty(allowed);
        Assert.All(allowed, action => Assert.DoesNotContain('*', action));
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> StatementsIn(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o when o["Statement"] is System.Text.Json.Nodes.JsonArray s => s.Select(x => x!.AsObject()),
        _ => [],
    };
}
