using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FoundryService.ComputeDna;
using Microsoft.Extensions.Options;

namespace FoundryService.Results;

/// <summary>Results in a DynamoDB table keyed by <c>taskId</c>, the result JSON in <c>result</c>.</summary>
public sealed class DynamoDbDnaResultStore(IAmazonDynamoDB dynamoDb, IOptions<FoundryOptions> options) : IDnaResultStore
{
    private readonly string _table = options.Value.ResultsTable
        ?? throw new InvalidOperationException($"{FoundryOptions.Section}:{nameof(FoundryOptions.ResultsTable)} is not set.");

    public Task SaveAsync(string taskId, DnaAnalysis analysis, CancellationToken cancellationToken = default) =>
        dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>
            {
                ["taskId"] = new() { S = taskId },
                ["result"] = new() { S = JsonSerializer.Serialize(analysis, FoundryJsonContext.Default.DnaAnalysis) },
                ["storedAt"] = new() { S = DateTimeOffset.UtcNow.ToString("O") },
            },
        }, cancellationToken);

    public async Task<DnaAnalysis?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue> { ["taskId"] = new() { S = taskId } },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { } item && item.TryGetValue("result", out var result)
            ? JsonSerializer.Deserialize(result.S, FoundryJsonContext.Default.DnaAnalysis)
            : null;
    }
}
