using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Serverless.WebApp.Constructs.Tests.Tasks;

/// <summary>A synthesized template as JSON, with the few queries the task tests need.</summary>
internal sealed class TemplateJson(Template template)
{
    public Template Template { get; } = template;

    public JsonObject Root { get; } = JsonSerializer.SerializeToNode(template.ToJSON())!.AsObject();

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public JsonObject Outputs => Root["Outputs"]?.AsObject() ?? [];

    public IReadOnlyList<KeyValuePair<string, JsonObject>> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => new KeyValuePair<string, JsonObject>(r.Key, r.Value!.AsObject()))
            .ToList();

    public JsonObject Properties(string logicalId) => Resources[logicalId]!["Properties"]!.AsObject();

    /// <summary>Every statement of every AWS::IAM::Policy attached to the role.</summary>
    public IReadOnlyList<JsonObject> StatementsOfRole(string roleLogicalId) =>
        OfType("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == roleLogicalId))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject())
            .ToList();

    /// <summary>The union of actions the role's policies allow.</summary>
    public ISet<string> ActionsOfRole(string roleLogicalId) =>
        StatementsOfRole(roleLogicalId).Where(s => (string?)s["Effect"] == "Allow").SelectMany(Actions).ToHashSet();

    public static IEnumerable<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray array => array.Select(a => (string)a!),
        JsonNode single => [(string)single!],
        _ => [],
    };

    /// <summary>A policy statement as it renders in this stack's template.</summary>
    public static JsonObject Render(Amazon.CDK.Stack stack, Amazon.CDK.AWS.IAM.PolicyStatement statement) =>
        JsonSerializer.SerializeToNode(stack.Resolve(statement.ToStatementJson()))!.AsObject();
}
