using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>Who made a DynamoDB stream change, when it was not an ordinary write (time to live).</summary>
public sealed class DynamoDbStreamIdentity
{
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }
}
