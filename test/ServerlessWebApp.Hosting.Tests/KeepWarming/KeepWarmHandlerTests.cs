using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Serverless.WebApp.Hosting.KeepWarming;
using Serverless.WebApp.Hosting.Tests.Tasks;
using Serverless.WebApp.TestSupport;

namespace Serverless.WebApp.Hosting.Tests.KeepWarming;

public sealed class KeepWarmHandlerTests : IAsyncDisposable
{
    private readonly WebApplication _app = TaskTestApp.Build(TaskTestApp.Lambda());

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task KeepWarmPingIsAnsweredByItsOwnHandler()
    {
        // WHEN the construct's keep-warm ping arrives (the handler needs no request context: it never builds one)
        var response = await _app.Handler<KeepWarmHandler>().InvokeAsync("""{"serverlessWebApp":{"kind":"keep-warm"}}""");

        // THEN it is answered at once as warm
        Assert.Equal("""{"serverlessWebApp":{"kind":"keep-warm","warm":true}}""", response.GetRawText());
    }

    [Fact]
    public void KeepWarmRunsBeforeEveryOtherHandler()
    {
        Assert.Equal(0, _app.Handler<KeepWarmHandler>().Order);
    }

    [Theory]
    [InlineData("""{"serverlessWebApp":{"kind":"task","task":"x"}}""")]
    [InlineData("""{"serverlessWebApp":"keep-warm"}""")]
    [InlineData("""{"kind":"keep-warm"}""")]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event","detail":{}}""")]
    [InlineData("[]")]
    public void OtherEventsAreNotTakenForAPing(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(_app.Handler<KeepWarmHandler>().CanHandle(document.RootElement));
    }

    [Theory]
    [InlineData("sqs-event.json")]
    [InlineData("apigw-request.json")]
    [InlineData("lambda-urls-request.json")]
    public async Task RecordedEventsAreNotTakenForAPing(string fixture)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryPaths.LambdaEvent(fixture)));

        Assert.False(_app.Handler<KeepWarmHandler>().CanHandle(document.RootElement));
    }
}
