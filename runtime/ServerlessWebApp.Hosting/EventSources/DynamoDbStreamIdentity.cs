using System.Text.Json.Serialization;

namespace Serverless.WebApp.Hosting.EventSources;

/// <summary>Who made a DynamoDB stream change, when it was not an ordinary write (time to live).</summary>
public sealed class DynamoDbStreamIdentity
{
    /// <summary>The kind of identity: <c>Service</c> for a removal by time to live.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Who made the change: <c>dynamodb.amazonaws.com</c> for a removal by time to live.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }
}
