using Amazon.Runtime;
using Amazon.SQS;
using Serverless.WebApp.TestSupport.Sqs;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

/// <summary>One fake SQS endpoint per test class, reached through the real AWSSDK.SQS client.</summary>
public sealed class FakeSqsFixture : IAsyncLifetime
{
    public FakeSqsServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeSqsServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public IAmazonSQS CreateClient() => new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig
    {
        ServiceURL = Server.ServiceUrl.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });

    /// <summary>A fresh task queue with a dead-letter queue after <paramref name="maxReceiveCount"/> receives.</summary>
    public (string QueueUrl, string DeadLetterUrl) CreateQueues(int maxReceiveCount = 3)
    {
        var name = "tasks-" + Guid.NewGuid().ToString("N")[..8];
        var dlq = Server.CreateQueue(name + "-dlq");
        return (Server.CreateQueue(name, dlq, maxReceiveCount), dlq);
    }
}
