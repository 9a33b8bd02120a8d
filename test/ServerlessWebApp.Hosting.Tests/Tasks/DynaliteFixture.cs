using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Serverless.WebApp.TestSupport.Dynalite;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>dynalite on a loopback port for the test class, with a task status table shaped as the construct creates it.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private DynaliteServer _server = null!;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await DynaliteServer.StartAsync();
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig
        {
            ServiceURL = _server.ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>Creates a fresh status table (key <c>taskId</c>) and returns its name.</summary>
    public async Task<string> CreateStatusTableAsync()
    {
        var name = "task-status-" + Guid.NewGuid().ToString("N")[..8];
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("taskId", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("taskId", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return name;
    }
}
