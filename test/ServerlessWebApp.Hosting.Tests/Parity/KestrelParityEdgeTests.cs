using System.Text.Json.Nodes;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// Kestrel as the oracle for what one request table cannot hold: a mutual-TLS client certificate, OnCompleted
/// callbacks (which run after the client has its answer), and requests no HTTP client library will send (a Host
/// header with a path in it, control characters in a header), written on a bare socket.
/// </summary>
public sealed class KestrelParityEdgeTests(ParityFixture fixture) : IClassFixture<ParityFixture>
{
    [Theory]
    [InlineData(FrontDoorKind.RestApi)]
    [InlineData(FrontDoorKind.HttpApi)]
    public async Task AMutualTlsClientCertificateIsTheConnectionsClientCertificate(FrontDoorKind frontDoorKind)
    {
        var frontDoor = ParityFixture.FrontDoor(frontDoorKind);
        var request = ParityRequest.Get("/prod/connection");

        var kestrel = await fixture.KestrelAnswerAsync(request, frontDoor.Host, withClientCertificate: true);
        var bridge = await fixture.Bridge.SendAsync(frontDoor, request, new MutualTls(fixture.ClientCertificate));

        ParityAssert.Same(kestrel, bridge);
        Assert.Contains("CN=parity-client", System.Text.Encoding.UTF8.GetString(bridge.Body));
    }

    [Fact]
    public async Task OnCompletedRunsOnceTheResponseIsDoneOnBoth()
    {
        var request = ParityRequest.Get("/prod/on-completed/edge");
        var frontDoor = ParityFixture.FrontDoor(FrontDoorKind.HttpApi);

        var kestrel = await fixture.Kestrel.SendAsync(request, frontDoor.Host, withClientCertificate: false);
        var bridge = await fixture.Bridge.SendAsync(frontDoor, request);

        ParityAssert.Same(kestrel, bridge);
        Assert.True(await fixture.Kestrel.Signals.WaitAsync("edge"));
        Assert.True(await fixture.Bridge.Signals.WaitAsync("edge"));
    }

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("api.example.com:8443")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]:443")]
    [InlineData("xn--caf-dma.example")]
    [InlineData("ex%41mple.com")]
    [InlineData("under_score.example")]
    [InlineData("evil.example/@x?y#z")]
    [InlineData("user@api.example.com")]
    [InlineData("api.example.com/path")]
    [InlineData("api.example.com:80:80")]
    [InlineData("api.example.com:port")]
    [InlineData("[::1")]
    [InlineData(":443")]
    [InlineData("a b")]
    public Task AHostHeaderIsRefusedExactlyWhenKestrelRefusesIt(string host) =>
        AssertSameStatusAsync($"Host: {host}", headers => headers["host"] = new JsonArray(host));

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("bell\u0007inside")]
    [InlineData("del\u007Finside")]
    [InlineData("naïve")]
    [InlineData("nul\u0000inside")]
    public Task ARequestHeaderValueIsTakenExactlyWhenKestrelTakesIt(string value) =>
        AssertSameStatusAsync($"Host: api.example.com\r\nX-Odd: {value}", headers => headers["x-odd"] = new JsonArray(value));

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("Bad(Name)")]
    [InlineData("Bäd")]
    [InlineData("Bad\u0001Name")]
    [InlineData("Bad\u007FName")]
    [InlineData("Bad\u0000Name")]
    public Task ARequestHeaderNameIsTakenExactlyWhenKestrelTakesIt(string name) =>
        AssertSameStatusAsync($"Host: api.example.com\r\n{name}: x", headers => headers[name.ToLowerInvariant()] = new JsonArray("x"));

    /// <summary>
    /// GET /prod/text written on a bare socket to Kestrel with <paramref name="headerLines"/>, and sent through an ALB
    /// with multi-value headers with the event's headers changed by <paramref name="change"/>: the same status.
    /// </summary>
    private async Task AssertSameStatusAsync(string headerLines, Action<JsonObject> change)
    {
        var kestrelStatus = await fixture.Kestrel.SendRawAsync($"GET /prod/text HTTP/1.1\r\n{headerLines}\r\nConnection: close\r\n\r\n");

        var frontDoor = ParityFixture.FrontDoor(FrontDoorKind.AlbMultiValue);
        var lambdaEvent = JsonNode.Parse(frontDoor.BuildEvent(ParityRequest.Get("/prod/text"), null))!.AsObject();
        change(lambdaEvent["multiValueHeaders"]!.AsObject());
        var bridge = BridgeUnderTest.Read(frontDoor, await fixture.Bridge.Host.InvokeAsync(lambdaEvent.ToJsonString()));

        Assert.Equal(kestrelStatus, bridge.Status);
    }
}
