using System.Text.Json.Serialization;

namespace Serverless.WebApp.Constructs.Tests.Compliance.ControlTower;

/// <summary>One resource that fails one Control Tower control, as test/compliance/controltower.js reports it.</summary>
public sealed record ControlTowerFailure(
    [property: JsonPropertyName("configuration")] string Configuration,
    [property: JsonPropertyName("control")] string Control,
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("fix")] string Fix)
{
    public override string ToString() =>
        $"{Configuration} {Control} {Resource} {Type}{(string.IsNullOrEmpty(Path) ? "" : $" ({Path})")}: {Title} Fix: {Fix}";
}
