using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Iam;

/// <summary>
/// Builds the required-permissions report (format <see cref="Format"/>, described in docs/security.md) from resolved
/// IAM statements. Pure: statements come in as CloudFormation JSON, already resolved by the stack.
/// </summary>
internal static partial class RequiredPermissionsDocument
{
    public const string Format = "serverlesswebapp/required-permissions@1";

    /// <summary>CloudFormation's limit on one output value, in characters.</summary>
    public const int OutputValueLimit = 4096;

    /// <summary>What an ARN reference is assumed to cost in the deployed output when estimating its size.</summary>
    public const int EstimatedArnLength = 160;

    public sealed record FunctionEntry(string Label, string ConstructPath, IReadOnlyList<JsonElement> Statements);

    public static JsonObject Build(string appName, string stackName, string outputName, IEnumerable<FunctionEntry> functions)
    {
        var list = new JsonArray();
        foreach (var function in functions.OrderBy(f => f.Label, StringComparer.Ordinal))
        {
            var statements = Distinct(function.Statements);
            list.Add(new JsonObject
            {
                ["function"] = function.Label,
                ["constructPath"] = function.ConstructPath,
                ["statements"] = new JsonArray(statements.Select(Describe).ToArray<JsonNode?>()),
                ["policyDocument"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(statements.Select(s => JsonNode.Parse(s.GetRawText())).ToArray()),
                },
            });
        }
        return new JsonObject
        {
            ["format"] = Format,
            ["app"] = appName,
            ["stack"] = stackName,
            ["deployedStatementsOutput"] = outputName,
            ["functions"] = list,
        };
    }

    /// <summary>Identical statements (e.g. the same grant made twice) are listed once, first occurrence first.</summary>
    public static IReadOnlyList<JsonElement> Distinct(IEnumerable<JsonElement> statements) =>
        statements.DistinctBy(s => s.GetRawText()).ToList();

    public static JsonObject Describe(JsonElement statement)
    {
        var described = new JsonObject
        {
            ["effect"] = statement.TryGetProperty("Effect", out var effect) ? effect.GetString() : "Allow",
        };
        AddList(described, "actions", statement, "Action");
        AddList(described, "notActions", statement, "NotAction");
        AddList(described, "resources", statement, "Resource");
        AddList(described, "notResources", statement, "NotResource");
        if (statement.TryGetProperty("Condition", out var condition)) described["condition"] = JsonNode.Parse(condition.GetRawText());
        described["resourceLogicalIds"] = new JsonArray(LogicalIdsIn(statement).Select(id => (JsonNode?)id).ToArray());
        return described;
    }

    /// <summary>Logical ids of the template's own resources that the statement refers to (Ref, Fn::GetAtt, Fn::Sub).</summary>
    public static IReadOnlyList<string> LogicalIdsIn(JsonElement value)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        Collect(value, ids);
        return ids.ToList();
    }

    /// <summary>
    /// Size of the deployed statements output: literal text as is, each CloudFormation reference counted as
    /// <see cref="EstimatedArnLength"/> characters.
    /// </summary>
    public static int EstimateDeployedLength(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object when IsIntrinsic(value) => EstimatedArnLength,
        JsonValueKind.Object => 2 + value.EnumerateObject().Sum(p => p.Name.Length + 4 + EstimateDeployedLength(p.Value)),
        JsonValueKind.Array => 2 + value.EnumerateArray().Sum(v => 1 + EstimateDeployedLength(v)),
        _ => value.GetRawText().Length,
    };

    private static bool IsIntrinsic(JsonElement value)
    {
        using var properties = value.EnumerateObject();
        if (!properties.MoveNext()) return false;
        var name = properties.Current.Name;
        return !properties.MoveNext() && (name == "Ref" || name.StartsWith("Fn::", StringComparison.Ordinal));
    }

    private static void AddList(JsonObject target, string name, JsonElement statement, string property)
    {
        if (!statement.TryGetProperty(property, out var value)) return;
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
        target[name] = new JsonArray(items.Select(i => JsonNode.Parse(i.GetRawText())).ToArray());
    }

    private static void Collect(JsonElement value, SortedSet<string> ids)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) Collect(item, ids);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "Ref" when property.Value.ValueKind == JsonValueKind.String:
                            AddIfResource(property.Value.GetString()!, ids);
                            break;
                        case "Fn::GetAtt":
                            var target = property.Value.ValueKind == JsonValueKind.Array
                                ? property.Value.EnumerateArray().FirstOrDefault().ToString()
                                : property.Value.GetString()?.Split('.')[0];
                            if (!string.IsNullOrEmpty(target)) AddIfResource(target, ids);
                            break;
                        case "Fn::Sub":
                            CollectSub(property.Value, ids);
                            break;
                        default:
                            Collect(property.Value, ids);
                            break;
                    }
                }
                break;
        }
    }

    private static void CollectSub(JsonElement sub, SortedSet<string> ids)
    {
        var template = sub.ValueKind == JsonValueKind.Array ? sub[0].GetString() : sub.GetString();
        var variables = sub.ValueKind == JsonValueKind.Array && sub.GetArrayLength() > 1 ? sub[1] : default;
        foreach (Match match in SubstitutionPattern().Matches(template ?? ""))
        {
            var name = match.Groups[1].Value;
            if (variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(name, out _)) continue;
            AddIfResource(name.Split('.')[0], ids);
        }
        if (variables.ValueKind == JsonValueKind.Object) Collect(variables, ids);
    }

    private static void AddIfResource(string name, SortedSet<string> ids)
    {
        if (!name.StartsWith("AWS::", StringComparison.Ordinal)) ids.Add(name);
    }

    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex SubstitutionPattern();
}
