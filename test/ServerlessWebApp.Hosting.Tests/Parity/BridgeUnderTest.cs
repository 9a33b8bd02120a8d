using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.WebApp.Hosting.Tests.Support;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// The parity app behind the bridge: events go in through the real invocation loop, event handlers and server
/// (only the Runtime API's transport is in memory), and the answer is read back as the front door would deliver it.
/// </summary>
internal sealed class BridgeUnderTest(LambdaAppHost host) : IAsyncDisposable
{
    public LambdaAppHost Host => host;

    public CompletionSignals Signals => host.App.Services.GetRequiredService<CompletionSignals>();

    public static async Task<BridgeUnderTest> StartAsync(string staticFolder) =>
        new(await LambdaAppHost.StartAsync(app => ParityApp.Configure(app, staticFolder), configureServices: ParityApp.AddServices));

    public async Task<ClientResponse> SendAsync(IFrontDoor frontDoor, ParityRequest request, MutualTls? clientCertificate = null) =>
        Read(frontDoor, await host.InvokeAsync(frontDoor.BuildEvent(request, clientCertificate)));

    public static ClientResponse Read(IFrontDoor frontDoor, LambdaResult result) => result.IsError
        ? ClientResponse.Failure($"the invocation failed with {result.Error!.ErrorType}: {result.Error.ErrorMessage}")
        : frontDoor.ReadResponse(JsonDocument.Parse(result.Payload!).RootElement);

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
