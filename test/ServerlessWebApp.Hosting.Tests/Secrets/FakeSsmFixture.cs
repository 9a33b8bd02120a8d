using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Serverless.WebApp.TestSupport.Ssm;

namespace Serverless.WebApp.Hosting.Tests.Secrets;

/// <summary>One fake Parameter Store per test class.</summary>
public sealed class FakeSsmFixture : IAsyncLifetime
{
    public FakeSsmServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeSsmServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public IAmazonSimpleSystemsManagement CreateClient() => new AmazonSimpleSystemsManagementClient(
        new BasicAWSCredentials("test", "test"),
        new AmazonSimpleSystemsManagementConfig { ServiceURL = Server.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
}
